package be.bruzel.gateway.sessions;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.config.annotation.web.server.EnableSpringWebSession;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/** Web sessions in PostgreSQL, through Spring Session's own JDBC repository. */
@Configuration(proxyBeanMethods = false)
@EnableSpringWebSession
@EnableConfigurationProperties(SessionStore.Settings.class)
public class SessionStore {

    /**
     * @param timeout a signed-in person idle this long signs in again; their tokens go with the session
     * @param signInTimeout a sign-in that was started and not completed is forgotten after this long,
     *        so abandoned (or flooded) sign-ins do not fill the table for the full timeout
     * @param purgeCron when expired sessions are deleted (Spring's cron, seconds first)
     */
    @ConfigurationProperties("platform.web.sessions")
    public record Settings(Duration timeout, Duration signInTimeout, String purgeCron) {}

    private final Settings settings;

    SessionStore(Settings settings) {
        this.settings = settings;
    }

    @Bean
    JdbcIndexedSessionRepository jdbcSessions(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        JdbcIndexedSessionRepository sessions =
                new JdbcIndexedSessionRepository(jdbc, new TransactionTemplate(transactions));
        // Every session begins as a sign-in in progress; signedIn(...) gives it the full timeout.
        sessions.setDefaultMaxInactiveInterval(settings.signInTimeout());
        sessions.setCleanupCron(settings.purgeCron());
        return sessions;
    }

    @Bean
    ReactiveSessionRepository<? extends Session> webSessions(JdbcIndexedSessionRepository sessions) {
        return new BlockingSessionRepository<>(sessions);
    }

    /** The person has signed in: from now on their session lasts the full idle timeout. */
    public Mono<Void> signedIn(WebSession session) {
        session.setMaxIdleTime(settings.timeout());
        return Mono.empty();
    }
}
