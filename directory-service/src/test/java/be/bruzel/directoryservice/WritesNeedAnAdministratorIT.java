package be.bruzel.directoryservice;

import static be.bruzel.directoryservice.DirectoryFixtures.ANALYST;
import static be.bruzel.directoryservice.DirectoryFixtures.GP;
import static be.bruzel.directoryservice.DirectoryFixtures.WORKER;
import static org.assertj.core.api.Assertions.assertThat;

import be.bruzel.platform.testing.ServiceIntegrationTest;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every write the directory offers, found from its request mappings so that a new endpoint is
 * covered without being listed, is refused to every role but the administrator's (a coordinator keeps
 * their own organisation's listings: {@code ListingIT}).
 */
@ServiceIntegrationTest
class WritesNeedAnAdministratorIT {

    private static final Set<RequestMethod> WRITES =
            Set.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE);

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void aReferrerAnOrganisationWorkerAndAnAnalystAreRefusedOnEveryWriteAndNothingChanges() {
        List<Write> writes = mappings.getHandlerMethods().keySet().stream()
                .flatMap(info -> info.getMethodsCondition().getMethods().stream()
                        .filter(WRITES::contains)
                        .flatMap(method -> info.getPathPatternsCondition().getPatternValues().stream()
                                .filter(pattern -> pattern.startsWith("/api/directory"))
                                .map(pattern -> new Write(HttpMethod.valueOf(method.name()), pattern))))
                .toList();
        assertThat(writes).as("the directory's writes").hasSizeGreaterThanOrEqualTo(14);
        long auditBefore = audited();
        long servicesBefore =
                jdbc.sql("SELECT count(*) FROM service").query(Long.class).single();

        for (Write write : writes) {
            for (String token : List.of(GP, WORKER, ANALYST)) {
                assertThat(mvc.perform(MockMvcRequestBuilders.request(write.method(), write.example())
                                .header(HttpHeaders.AUTHORIZATION, token)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{}")))
                        .as(write.method() + " " + write.pattern())
                        .hasStatus(HttpStatus.FORBIDDEN)
                        .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
            }
        }

        assertThat(audited()).as("no change recorded").isEqualTo(auditBefore);
        assertThat(jdbc.sql("SELECT count(*) FROM service").query(Long.class).single())
                .isEqualTo(servicesBefore);
    }

    private long audited() {
        return jdbc.sql("SELECT count(*) FROM audit_entry").query(Long.class).single();
    }

    record Write(HttpMethod method, String pattern) {

        /** The pattern with each path variable filled with a real value. */
        String example() {
            return Stream.of(pattern.split("/"))
                    .map(segment -> switch (segment) {
                        case "{kind}" -> "MUNICIPALITY";
                        case "{code}" -> pattern.contains("care-zones") ? "noord" : "21010";
                        case "{theme}" -> "housing";
                        case "{areaId}" -> "21004-haren";
                        case "{locationId}" -> "ocmw-jette-location";
                        default -> segment.startsWith("{") ? "ocmw-jette" : segment;
                    })
                    .reduce((left, right) -> left + "/" + right)
                    .orElseThrow();
        }
    }
}
