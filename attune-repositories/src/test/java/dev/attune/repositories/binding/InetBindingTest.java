package dev.attune.repositories.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attune.junit.IsolatedSchemaTest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.SQLFeatureNotSupportedException;
import org.jooq.BindingGetSQLInputContext;
import org.jooq.BindingSetSQLOutputContext;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;

/** {@link InetBinding}: {@code inet} as {@link InetAddress}, sent as text with a cast, read back from text. */
@IsolatedSchemaTest
class InetBindingTest {

    private static final DataType<InetAddress> INET = SQLDataType.OTHER.asConvertedDataType(new InetBinding());

    private static InetAddress address(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }

    @Test
    void hostAddressesAreParsedWithOrWithoutTheirFullNetmask() throws UnknownHostException {
        assertThat(InetBinding.parse("10.0.0.1")).isEqualTo(address("10.0.0.1"));
        assertThat(InetBinding.parse("10.0.0.1/32")).isEqualTo(address("10.0.0.1"));
        assertThat(InetBinding.parse("::1")).isEqualTo(address("::1"));
        assertThat(InetBinding.parse("2001:db8::7/128")).isEqualTo(address("2001:db8::7"));
        assertThat(InetBinding.parse("2001:DB8::A")).isEqualTo(address("2001:db8::a"));
    }

    @Test
    void aNetworkIsRefusedNamingTheValue() {
        for (String network : new String[] {"10.0.0.0/24", "10.0.0.1/31", "10.0.0.1/33", "2001:db8::/64",
                "2001:db8::1/32"}) {
            assertThatThrownBy(() -> InetBinding.parse(network)).as(network)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("inet value '" + network + "' is a network, not a host address");
        }
    }

    @Test
    void aHostNameIsNeverResolved() {
        for (String name : new String[] {"localhost", "example.com", "10.0.0.1 ", "host/32"}) {
            assertThatThrownBy(() -> InetBinding.parse(name)).as(name)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("inet value '" + name + "' is not a literal IP address");
        }
    }

    @Test
    void aMalformedLiteralIsNotAnIpAddress() {
        assertThatThrownBy(() -> InetBinding.parse("1::2::3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("inet value '1::2::3' is not an IP address")
                .hasCauseInstanceOf(UnknownHostException.class);
    }

    @Test
    void theConverterMapsNullToNullAndAddressesToTheirText() throws UnknownHostException {
        var converter = new InetBinding().converter();

        assertThat(converter.from(null)).isNull();
        assertThat(converter.to(null)).isNull();
        assertThat(converter.to(address("192.168.1.20"))).isEqualTo("192.168.1.20");
        assertThat(converter.from(new StringBuilder("192.168.1.20/32"))).isEqualTo(address("192.168.1.20"));
        assertThat(converter.fromType()).isEqualTo(Object.class);
        assertThat(converter.toType()).isEqualTo(InetAddress.class);
    }

    @Test
    void aValueIsRenderedWithAnInetCastAsABindVariableOrInlined() throws UnknownHostException {
        DSLContext renderer = DSL.using(SQLDialect.POSTGRES);
        Field<InetAddress> value = DSL.val(address("10.1.2.3"), INET);
        Field<InetAddress> none = DSL.val(null, INET);

        assertThat(renderer.render(DSL.select(value))).isEqualTo("select ?::inet");
        assertThat(renderer.renderInlined(DSL.select(value))).isEqualTo("select '10.1.2.3'::inet");
        assertThat(renderer.renderInlined(DSL.select(none))).isEqualTo("select null::inet");
    }

    @Test
    void valuesSurviveARoundTripThroughPostgresql(DSLContext dsl) throws UnknownHostException {
        for (String literal : new String[] {"10.0.0.1", "2001:db8::7"}) {
            Field<InetAddress> value = DSL.val(address(literal), INET);
            assertThat(dsl.select(value).fetchSingle().value1()).as(literal).isEqualTo(address(literal));
            assertThat(dsl.fetchValue(DSL.select(DSL.field("{0}::text", String.class, value)))).isEqualTo(literal + "/"
                    + (literal.contains(":") ? 128 : 32));
        }
        assertThat(dsl.select(DSL.val(null, INET)).fetchSingle().value1()).isNull();
        assertThat(dsl.fetchValue(DSL.select(DSL.field("{0} is null", Boolean.class, DSL.val(null, INET))))).isTrue();
    }

    @Test
    void anInlinedValueIsReadBackByTheServerAsInet(DSLContext dsl) throws UnknownHostException {
        Field<InetAddress> inlined = DSL.inline(address("172.16.0.9"), INET);

        assertThat(dsl.fetchValue(DSL.select(DSL.field("pg_typeof({0})::text", String.class, inlined))))
                .isEqualTo("inet");
        assertThat(dsl.select(inlined).fetchSingle().value1()).isEqualTo(address("172.16.0.9"));
    }

    @Test
    void aNetworkReadFromTheDatabaseFailsTheRead(DSLContext dsl) {
        Field<InetAddress> network = DSL.field("'10.0.0.0/8'::inet", INET);

        assertThatThrownBy(() -> dsl.select(network).fetchSingle())
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .hasRootCauseMessage("inet value '10.0.0.0/8' is a network, not a host address");
    }

    @Test
    void inetInsideAUserDefinedTypeIsNotSupported() {
        InetBinding binding = new InetBinding();

        assertThatThrownBy(() -> binding.set((BindingSetSQLOutputContext<InetAddress>) null))
                .isInstanceOf(SQLFeatureNotSupportedException.class);
        assertThatThrownBy(() -> binding.get((BindingGetSQLInputContext<InetAddress>) null))
                .isInstanceOf(SQLFeatureNotSupportedException.class);
    }
}
