package be.bruzel.platform.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one switch between real infrastructure in containers and real infrastructure in process.
 * Testcontainers is used when a Docker engine is reachable; otherwise PostgreSQL runs from
 * embedded binaries and Kafka as an in-process KRaft broker. {@code -Dplatform.test.infrastructure}
 * (or {@code PLATFORM_TEST_INFRASTRUCTURE}) set to {@code containers} or {@code embedded} forces one.
 * Both are started once per JVM and shared by every test in it.
 */
public final class TestInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);

    private static Postgres postgres;
    private static String kafkaBootstrapServers;
    private static EmbeddedKafkaKraftBroker embeddedKafka;
    private static final Set<String> databases = new HashSet<>();

    private TestInfrastructure() {}

    public enum Kind {
        CONTAINERS,
        EMBEDDED
    }

    public static Kind kind() {
        String chosen = System.getProperty(
                "platform.test.infrastructure", System.getenv().getOrDefault("PLATFORM_TEST_INFRASTRUCTURE", "auto"));
        if (!chosen.equalsIgnoreCase("auto")) {
            return Kind.valueOf(chosen.toUpperCase(Locale.ROOT));
        }
        return DockerClientFactory.instance().isDockerAvailable() ? Kind.CONTAINERS : Kind.EMBEDDED;
    }

    /** Where a test finds PostgreSQL: a server, its superuser, and a JDBC URL per database. */
    public record Postgres(String host, int port, String username, String password) {
        public String jdbcUrl(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }
    }

    public static synchronized Postgres postgres() {
        if (postgres == null) {
            postgres = switch (kind()) {
                case CONTAINERS -> {
                    var container = new PostgreSQLContainer("postgres:18-alpine");
                    container.start();
                    yield new Postgres(
                            container.getHost(),
                            container.getFirstMappedPort(),
                            container.getUsername(),
                            container.getPassword());
                }
                case EMBEDDED -> {
                    try {
                        EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
                        Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(embedded)));
                        yield new Postgres("localhost", embedded.getPort(), "postgres", "postgres");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            };
            log.info("Test PostgreSQL ({}) on port {}", kind(), postgres.port());
        }
        return postgres;
    }

    /** A JDBC URL of a database of its own for one service; created on first use. */
    public static synchronized String database(String name) {
        Postgres server = postgres();
        if (databases.add(name)) {
            try (Connection connection = DriverManager.getConnection(
                            server.jdbcUrl("postgres"), server.username(), server.password());
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE \"" + name + "\"");
            } catch (SQLException e) {
                if (!"42P04".equals(e.getSQLState())) {
                    throw new IllegalStateException("Cannot create database " + name, e);
                }
            }
        }
        return server.jdbcUrl(name);
    }

    /** A number one database answers, read directly as an auditor would, e.g. {@code SELECT count(*) ...}. */
    public static long count(String database, String sql, Object... parameters) throws SQLException {
        return first(database, sql, parameters, result -> result.getLong(1));
    }

    /** A text one database answers, e.g. {@code SELECT id::text ...}; none when it has no row. */
    public static String text(String database, String sql, Object... parameters) throws SQLException {
        return first(database, sql, parameters, result -> result.getString(1));
    }

    private interface Column<T> {
        T of(ResultSet result) throws SQLException;
    }

    private static <T> T first(String database, String sql, Object[] parameters, Column<T> column) throws SQLException {
        Postgres server = postgres();
        try (Connection connection =
                        DriverManager.getConnection(database(database), server.username(), server.password());
                PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? column.of(result) : null;
            }
        }
    }

    /** A change to one database, made directly as an operator would. */
    public static void update(String database, String sql) throws SQLException {
        Postgres server = postgres();
        try (Connection connection =
                        DriverManager.getConnection(database(database), server.username(), server.password());
                Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    public static synchronized String kafkaBootstrapServers() {
        if (kafkaBootstrapServers == null) {
            kafkaBootstrapServers = switch (kind()) {
                case CONTAINERS -> {
                    var container = new KafkaContainer("apache/kafka:4.1.1");
                    container.start();
                    yield container.getBootstrapServers();
                }
                case EMBEDDED -> {
                    embeddedKafka = new EmbeddedKafkaKraftBroker(1, 1);
                    embeddedKafka.afterPropertiesSet();
                    Runtime.getRuntime().addShutdownHook(new Thread(TestInfrastructure::stopEmbeddedKafka));
                    yield embeddedKafka.getBrokersAsString();
                }
            };
            log.info("Test Kafka ({}) at {}", kind(), kafkaBootstrapServers);
        }
        return kafkaBootstrapServers;
    }

    /**
     * Stops the embedded broker, if one runs. A program that ends with {@code System.exit} calls it first: among the
     * exit's hooks, Kafka's own removes the broker's directory while the broker still writes its checkpoints there.
     */
    public static synchronized void stopEmbeddedKafka() {
        if (embeddedKafka != null) {
            embeddedKafka.destroy();
            embeddedKafka = null;
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            log.warn("Closing test infrastructure failed", e);
        }
    }
}
