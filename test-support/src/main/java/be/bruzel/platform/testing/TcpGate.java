package be.bruzel.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A port that is closed (connections refused, as when a server is down) until the test opens
 * it; then it forwards every connection to the real server, and counts them. For injecting "broker
 * down" into a client that has not connected yet, or for seeing how many connections a client opens.
 */
public final class TcpGate implements AutoCloseable {

    private final int port;
    private final String targetHost;
    private final int targetPort;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicInteger connections = new AtomicInteger();
    private ServerSocket listener;

    private TcpGate(int port, String targetHost, int targetPort) {
        this.port = port;
        this.targetHost = targetHost;
        this.targetPort = targetPort;
    }

    /** A closed gate on a free port in front of {@code host:port}. */
    public static TcpGate closedInFrontOf(String hostAndPort) {
        String[] parts = hostAndPort.split(":");
        try (ServerSocket probe = new ServerSocket(0)) {
            return new TcpGate(probe.getLocalPort(), parts[0], Integer.parseInt(parts[1]));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String address() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    /** How many connections it has forwarded since it was made. */
    public int connections() {
        return connections.get();
    }

    public synchronized void open() throws IOException {
        listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress("localhost", port));
        threads.submit(this::accept);
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                connections.incrementAndGet();
                Socket server = new Socket(targetHost, targetPort);
                threads.submit(() -> pipe(client, server));
                threads.submit(() -> pipe(server, client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException connectionEnded) {
            // Either side hung up; the other side is closed below.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    @Override
    public synchronized void close() {
        if (listener != null) {
            closeQuietly(listener);
        }
        threads.shutdownNow();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Closing is best effort.
        }
    }
}
