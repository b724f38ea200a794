package org.jamesguard.testing.dns;

import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import org.jamesguard.testing.dns.ReceivedQuery.Transport;

/** A UDP and a TCP socket on the same random loopback port; every DNS message read goes to a {@link Handler}. */
final class Listeners implements Closeable {
    interface Handler {
        /** Called on a listener thread; {@code reply} may be called later, from any thread, or never. */
        void handle(byte[] message, Transport transport, Consumer<byte[]> reply);
    }

    private static final int BIND_ATTEMPTS = 20;

    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final Handler handler;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "test-dns-server");
        thread.setDaemon(true);
        return thread;
    });

    private Listeners(DatagramSocket udp, ServerSocket tcp, Handler handler) {
        this.udp = udp;
        this.tcp = tcp;
        this.handler = handler;
        threads.execute(this::receiveUdp);
        threads.execute(this::acceptTcp);
    }

    static Listeners open(Handler handler) {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        for (int attempt = 0; attempt < BIND_ATTEMPTS; attempt++) {
            DatagramSocket udp = null;
            try {
                udp = new DatagramSocket(new InetSocketAddress(loopback, 0));
                ServerSocket tcp = new ServerSocket(udp.getLocalPort(), 50, loopback);
                return new Listeners(udp, tcp, handler);
            } catch (IOException e) {
                // the TCP side of the port is taken: try another port
                if (udp != null) {
                    udp.close();
                }
            }
        }
        throw new IllegalStateException("no loopback port free for both UDP and TCP after " + BIND_ATTEMPTS + " attempts");
    }

    /** Listeners on a given address, e.g. port 53 of a loopback address for a resolver that cannot be told a port. */
    static Listeners openAt(InetSocketAddress address, Handler handler) {
        try {
            DatagramSocket udp = new DatagramSocket(address);
            try {
                return new Listeners(udp, new ServerSocket(address.getPort(), 50, address.getAddress()), handler);
            } catch (IOException e) {
                udp.close();
                throw e;
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen for DNS on " + address, e);
        }
    }

    int port() {
        return udp.getLocalPort();
    }

    InetSocketAddress address() {
        return (InetSocketAddress) udp.getLocalSocketAddress();
    }

    private void receiveUdp() {
        byte[] buffer = new byte[65_535];
        while (!udp.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                udp.receive(packet);
            } catch (IOException e) {
                return;
            }
            SocketAddress client = packet.getSocketAddress();
            byte[] message = Arrays.copyOf(packet.getData(), packet.getLength());
            handler.handle(message, Transport.UDP, reply -> sendUdp(reply, client));
        }
    }

    private void sendUdp(byte[] reply, SocketAddress client) {
        try {
            udp.send(new DatagramPacket(reply, reply.length, client));
        } catch (IOException e) {
            // the server is closing: the client sees a timeout
        }
    }

    private void acceptTcp() {
        while (!tcp.isClosed()) {
            try {
                Socket connection = tcp.accept();
                connections.add(connection);
                threads.execute(() -> serveTcp(connection));
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Length-prefixed messages (RFC 1035 §4.2.2), several per connection, until the client closes it. */
    private void serveTcp(Socket connection) {
        try (connection) {
            DataInputStream in = new DataInputStream(connection.getInputStream());
            DataOutputStream out = new DataOutputStream(connection.getOutputStream());
            while (true) {
                byte[] message = new byte[in.readUnsignedShort()];
                in.readFully(message);
                handler.handle(message, Transport.TCP, reply -> sendTcp(out, reply));
            }
        } catch (IOException e) {
            // closed by the client or by close()
        } finally {
            connections.remove(connection);
        }
    }

    private static void sendTcp(DataOutputStream out, byte[] reply) {
        synchronized (out) {
            try {
                out.writeShort(reply.length);
                out.write(reply);
                out.flush();
            } catch (IOException e) {
                // the client has gone: nothing to tell it
            }
        }
    }

    @Override
    public void close() {
        udp.close();
        try {
            tcp.close();
        } catch (IOException e) {
            // nothing left to release
        }
        for (Socket connection : connections) {
            try {
                connection.close();
            } catch (IOException e) {
                // already gone
            }
        }
        threads.shutdownNow();
    }
}
