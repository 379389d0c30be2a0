package be.bruzel.gateway;

import static org.springframework.cloud.gateway.support.RouteMetadataUtils.CONNECT_TIMEOUT_ATTR;
import static org.springframework.cloud.gateway.support.RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR;

import be.bruzel.gateway.tokens.ServiceTokens;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4jBulkheadProvider;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4jBulkheadConfigurationBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.Buildable;
import org.springframework.cloud.gateway.route.builder.GatewayFilterSpec;
import org.springframework.cloud.gateway.route.builder.PredicateSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;

/**
 * The API's routes to the services. Each service sits behind a circuit breaker and bounded
 * timeouts, so that a service that is down or slow costs the caller seconds, not a hang.
 */
@Configuration(proxyBeanMethods = false)
class ServiceRoutes {

    /**
     * @param services base URLs by service: referral, directory, notification, statistics
     * @param maxConcurrentCallsPerService beyond this many calls in flight to one service, callers get a 503
     *        at once, so one slow service cannot take the whole gateway with it
     */
    @ConfigurationProperties("platform.gateway")
    record Settings(
            Map<String, URI> services,
            Duration connectTimeout,
            Duration responseTimeout,
            int maxConcurrentCallsPerService) {}

    @Bean
    RouteLocator apiRoutes(RouteLocatorBuilder routes, Settings settings, ServiceTokens tokens) {
        return routes.routes()
                .route("directory", to("directory", "directory-service", settings, tokens, "/api/directory/**"))
                .route(
                        "referral",
                        to(
                                "referral",
                                "referral-service",
                                settings,
                                tokens,
                                "/api/referrals",
                                "/api/referrals/**",
                                "/api/questionnaires",
                                "/api/questionnaires/**",
                                // The person's own page: no sign-in, the link they were sent is their key.
                                "/api/person-survey"))
                // The FHIR R4 API, for GP software: Subscription is notification-service's, the rest
                // referral-service's.
                .route(
                        "fhir-subscriptions",
                        to(
                                "notification",
                                "notification-service",
                                settings,
                                tokens,
                                "/fhir/R4/Subscription",
                                "/fhir/R4/Subscription/**"))
                .route("fhir", to("referral", "referral-service", settings, tokens, "/fhir/R4", "/fhir/R4/**"))
                .route(
                        "statistics",
                        to(
                                "statistics",
                                "statistics-service",
                                settings,
                                tokens,
                                "/api/statistics",
                                "/api/statistics/**"))
                .route(
                        "notification",
                        to(
                                "notification",
                                "notification-service",
                                settings,
                                tokens,
                                "/api/notifications",
                                "/api/notifications/**"))
                .build();
    }

    /**
     * These paths to a service, behind its circuit breaker, with its timeouts.
     *
     * @param name the service's name in the settings and of its circuit breaker
     * @param service the service as it names itself: the audience of the token it is sent
     */
    private static Function<PredicateSpec, Buildable<Route>> to(
            String name, String service, Settings settings, ServiceTokens tokens, String... paths) {
        return route -> route.path(paths)
                .filters(filters -> relayed(filters, tokens, service).circuitBreaker(breaker -> breaker.setName(name)))
                .metadata(timeouts(settings))
                .uri(settings.services().get(name));
    }

    /**
     * The caller's token (from their session, or their own bearer token) goes along exchanged for one
     * meant for this service alone, named as the service names itself; the session cookie does not.
     */
    private static GatewayFilterSpec relayed(GatewayFilterSpec filters, ServiceTokens tokens, String service) {
        return filters.filter(tokens.relayFor(service)).removeRequestHeader(HttpHeaders.COOKIE);
    }

    /** The circuit breakers give up no sooner than the HTTP client's own response timeout. */
    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> circuitBreakerDefaults(Settings settings) {
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .circuitBreakerConfig(CircuitBreakerConfig.custom()
                        .slidingWindowSize(20)
                        .minimumNumberOfCalls(10)
                        .failureRateThreshold(50)
                        .waitDurationInOpenState(Duration.ofSeconds(10))
                        .build())
                .timeLimiterConfig(TimeLimiterConfig.custom()
                        .timeoutDuration(settings.responseTimeout().plusSeconds(1))
                        .build())
                .build());
    }

    /** Resilience4j's default of 25 calls in flight would turn an ordinary burst of submissions into 503s. */
    @Bean
    Customizer<ReactiveResilience4jBulkheadProvider> bulkheadDefaults(Settings settings) {
        return provider -> provider.configureDefault(id -> new Resilience4jBulkheadConfigurationBuilder()
                .bulkheadConfig(BulkheadConfig.custom()
                        .maxConcurrentCalls(settings.maxConcurrentCallsPerService())
                        .maxWaitDuration(Duration.ZERO)
                        .build())
                .build());
    }

    private static Map<String, Object> timeouts(Settings settings) {
        return Map.of(CONNECT_TIMEOUT_ATTR, (int) settings.connectTimeout().toMillis(), RESPONSE_TIMEOUT_ATTR, (int)
                settings.responseTimeout().toMillis());
    }
}
