package be.bruzel.platform.support.outbox;

import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.support.StaticMethodMatcherPointcutAdvisor;
import org.springframework.core.Ordered;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Moves the relay off the committing thread, and returns its future without waiting for it. It
 * wraps Spring Modulith's completion registration, so that the registry's own transactions (the
 * publication marked processing, then complete) run on the outbox thread too: on the committing
 * thread, which still holds its connection until the commit's callbacks return, each would need a
 * second one, and a full pool of requests waiting for their second connection stalls them all.
 * Spring's {@code @Async} does move it, but then waits for the returned future on that thread.
 */
class OnTheOutboxThread extends StaticMethodMatcherPointcutAdvisor implements MethodInterceptor {

    private final Executor outbox;

    OnTheOutboxThread(Executor outbox) {
        this.outbox = outbox;
        setAdvice(this);
        setOrder(Ordered.HIGHEST_PRECEDENCE);
    }

    @Override
    public boolean matches(Method method, Class<?> target) {
        return OutboxRelay.class.isAssignableFrom(target)
                && method.isAnnotationPresent(TransactionalEventListener.class);
    }

    @Override
    public Object invoke(MethodInvocation invocation) {
        return CompletableFuture.supplyAsync(() -> proceed(invocation), outbox).thenCompose(relayed -> relayed);
    }

    private static CompletableFuture<?> proceed(MethodInvocation invocation) {
        try {
            return (CompletableFuture<?>) invocation.proceed();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new CompletionException(e);
        }
    }
}
