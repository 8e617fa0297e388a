package dev.attune.db;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A listener on a free port of 127.0.0.1 that answers every PostgreSQL startup packet with one fatal error, as a
 * connection pooler does when it rejects a startup parameter. It speaks just enough of the protocol for that (it refuses
 * SSL, reads the startup packet, writes an ErrorResponse); nothing else is a database here.
 */
final class RefusingServer implements AutoCloseable {

    private final ServerSocket socket;
    private final String message;
    private final Thread acceptor;

    RefusingServer(String message) throws IOException {
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.message = message;
        this.acceptor = new Thread(this::serve, "refusing-server-" + socket.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A pgjdbc URL for this listener (no SSL or GSS negotiation). */
    String url() {
        return "jdbc:postgresql://127.0.0.1:" + socket.getLocalPort() + "/attune?sslmode=disable&gssEncMode=disable";
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                refuse(client);
            } catch (IOException e) {
                // closed, or a client that went away: nothing to answer
            }
        }
    }

    private void refuse(Socket client) throws IOException {
        DataInputStream in = new DataInputStream(client.getInputStream());
        DataOutputStream out = new DataOutputStream(client.getOutputStream());
        while (true) {
            int length = in.readInt();
            int code = in.readInt();
            in.skipNBytes(length - 8L);
            if (code == 80877103 || code == 80877104) { // SSLRequest, GSSENCRequest: not supported
                out.writeByte('N');
                out.flush();
                continue;
            }
            break;
        }
        ByteArrayOutputStream fields = new ByteArrayOutputStream();
        field(fields, 'S', "FATAL");
        field(fields, 'V', "FATAL");
        field(fields, 'C', "08P01");
        field(fields, 'M', message);
        fields.write(0);
        out.writeByte('E');
        out.writeInt(fields.size() + 4);
        fields.writeTo(out);
        out.flush();
    }

    private static void field(ByteArrayOutputStream fields, char type, String value) {
        fields.write(type);
        fields.writeBytes(value.getBytes(StandardCharsets.UTF_8));
        fields.write(0);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
