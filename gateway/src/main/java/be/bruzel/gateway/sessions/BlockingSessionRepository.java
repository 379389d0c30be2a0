package be.bruzel.gateway.sessions;

import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Spring Session's JDBC repository for the reactive gateway. Spring Session has no reactive JDBC
 * repository, so each database call runs on Reactor's scheduler for blocking work, never on an
 * event-loop thread. Creating a session touches no database: it is written only once something is
 * stored in it.
 */
final class BlockingSessionRepository<S extends Session> implements ReactiveSessionRepository<S> {

    private final SessionRepository<S> sessions;

    BlockingSessionRepository(SessionRepository<S> sessions) {
        this.sessions = sessions;
    }

    @Override
    public Mono<S> createSession() {
        return Mono.fromSupplier(sessions::createSession);
    }

    @Override
    public Mono<Void> save(S session) {
        return Mono.fromRunnable(() -> sessions.save(session))
                .subscribeOn(Schedulers.boundedElastic())
                .then();
    }

    @Override
    public Mono<S> findById(String id) {
        return Mono.fromCallable(() -> sessions.findById(id)).subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public Mono<Void> deleteById(String id) {
        return Mono.fromRunnable(() -> sessions.deleteById(id))
                .subscribeOn(Schedulers.boundedElastic())
                .then();
    }
}
