package dev.attune.repositories.binding;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;
import java.util.regex.Pattern;
import org.jooq.Binding;
import org.jooq.BindingGetResultSetContext;
import org.jooq.BindingGetSQLInputContext;
import org.jooq.BindingGetStatementContext;
import org.jooq.BindingRegisterContext;
import org.jooq.BindingSQLContext;
import org.jooq.BindingSetSQLOutputContext;
import org.jooq.BindingSetStatementContext;
import org.jooq.Converter;
import org.jooq.impl.AbstractConverter;

/**
 * Binds PostgreSQL {@code inet} as {@link InetAddress}: values are sent as text with an explicit {@code ::inet} cast
 * (binding them as plain text is what made Attune's inserts fail) and read back from their text form.
 *
 * <p>Only host addresses are supported; a netmask other than the full one ({@code /32}, {@code /128}) is refused when read.
 */
public final class InetBinding implements Binding<Object, InetAddress> {

    private static final long serialVersionUID = 1L;
    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    private static final Converter<Object, InetAddress> CONVERTER = new AbstractConverter<>(Object.class, InetAddress.class) {
        private static final long serialVersionUID = 1L;

        @Override
        public InetAddress from(Object databaseObject) {
            return databaseObject == null ? null : parse(databaseObject.toString());
        }

        @Override
        public Object to(InetAddress userObject) {
            return userObject == null ? null : userObject.getHostAddress();
        }
    };

    /** A stateless binding; instances are interchangeable. */
    public InetBinding() {
    }

    @Override
    public Converter<Object, InetAddress> converter() {
        return CONVERTER;
    }

    @Override
    public void sql(BindingSQLContext<InetAddress> ctx) throws SQLException {
        if (ctx.render().paramType() == org.jooq.conf.ParamType.INLINED) {
            Object text = ctx.convert(converter()).value();
            ctx.render().visit(org.jooq.impl.DSL.inline(text == null ? null : text.toString())).sql("::inet");
        } else {
            ctx.render().sql(ctx.variable()).sql("::inet");
        }
    }

    @Override
    public void register(BindingRegisterContext<InetAddress> ctx) throws SQLException {
        ctx.statement().registerOutParameter(ctx.index(), Types.VARCHAR);
    }

    @Override
    public void set(BindingSetStatementContext<InetAddress> ctx) throws SQLException {
        Object text = ctx.convert(converter()).value();
        if (text == null) {
            ctx.statement().setNull(ctx.index(), Types.VARCHAR);
        } else {
            ctx.statement().setString(ctx.index(), text.toString());
        }
    }

    @Override
    public void set(BindingSetSQLOutputContext<InetAddress> ctx) throws SQLException {
        throw new SQLFeatureNotSupportedException("inet inside a UDT is not supported");
    }

    @Override
    public void get(BindingGetResultSetContext<InetAddress> ctx) throws SQLException {
        ctx.convert(converter()).value(ctx.resultSet().getString(ctx.index()));
    }

    @Override
    public void get(BindingGetStatementContext<InetAddress> ctx) throws SQLException {
        ctx.convert(converter()).value(ctx.statement().getString(ctx.index()));
    }

    @Override
    public void get(BindingGetSQLInputContext<InetAddress> ctx) throws SQLException {
        throw new SQLFeatureNotSupportedException("inet inside a UDT is not supported");
    }

    /** Parses PostgreSQL's text form of a host address ({@code 10.0.0.1}, {@code 10.0.0.1/32}, {@code ::1}). */
    static InetAddress parse(String text) {
        String address = text;
        int slash = text.indexOf('/');
        if (slash >= 0) {
            address = text.substring(0, slash);
            int bits = Integer.parseInt(text.substring(slash + 1));
            int full = address.contains(":") ? 128 : 32;
            if (bits != full) {
                throw new IllegalArgumentException("inet value '" + text + "' is a network, not a host address");
            }
        }
        if (!LITERAL.matcher(address).matches()) {
            // Never let InetAddress resolve a host name: only literal addresses come from the database.
            throw new IllegalArgumentException("inet value '" + text + "' is not a literal IP address");
        }
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("inet value '" + text + "' is not an IP address", e);
        }
    }
}
