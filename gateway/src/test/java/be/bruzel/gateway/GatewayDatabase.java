package be.bruzel.gateway;

import be.bruzel.platform.testing.TestInfrastructure;
import java.sql.SQLException;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The gateway's own database in tests: sessions and rate-limit buckets on the test's real PostgreSQL. */
final class GatewayDatabase {

    private GatewayDatabase() {}

    static void register(DynamicPropertyRegistry registry) {
        TestInfrastructure.Postgres postgres = TestInfrastructure.postgres();
        registry.add("spring.datasource.url", () -> TestInfrastructure.database("gateway"));
        registry.add("spring.datasource.username", postgres::username);
        registry.add("spring.datasource.password", postgres::password);
    }

    /** A number the gateway's database answers, read directly. */
    static long count(String sql, Object... parameters) throws SQLException {
        return TestInfrastructure.count("gateway", sql, parameters);
    }
}
