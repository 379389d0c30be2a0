package be.bruzel.directoryservice.demo;

import static org.assertj.core.api.Assertions.assertThat;

import be.bruzel.directoryservice.hsds.HsdsDataSet;
import be.bruzel.directoryservice.hsds.HsdsJson;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class DemoSocialMapTests {

    @Test
    void theShippedDemoDataIsWhatTheGeneratorMakes() throws IOException {
        try (InputStream shipped = new ClassPathResource(DemoDirectory.DATA_SET).getInputStream()) {
            assertThat(HsdsJson.read(shipped.readAllBytes()))
                    .as("regenerate with DemoSocialMap <file>")
                    .isEqualTo(DemoSocialMap.generate(DemoSocialMap.DEMO));
        }
    }

    @Test
    void theDemoCoversAllNineteenMunicipalitiesAndEveryThemeWithAtLeastThreeHundredServices() {
        HsdsDataSet demo = DemoSocialMap.generate(DemoSocialMap.DEMO);

        assertThat(demo.services()).hasSizeGreaterThanOrEqualTo(300);
        assertThat(demo.services().stream()
                        .flatMap(service -> service.serviceAreas().stream())
                        .map(HsdsDataSet.ServiceArea::extent)
                        .filter(extent -> extent.startsWith("MUNICIPALITY:"))
                        .collect(Collectors.toSet()))
                .hasSize(19);
        assertThat(demo.services().stream()
                        .flatMap(service -> service.attributes().stream())
                        .map(attribute -> attribute.taxonomyTerm().code())
                        .collect(Collectors.toSet()))
                .containsAll(Set.of(
                        "loneliness",
                        "finances",
                        "housing",
                        "rights",
                        "work",
                        "mental",
                        "movement",
                        "family",
                        "language",
                        "food",
                        "addiction",
                        "care-at-home"));
        assertThat(demo.services()).allSatisfy(service -> {
            assertThat(service.name()).isNotBlank();
            assertThat(service.xNameFr()).isNotBlank();
            assertThat(service.email()).endsWith(".example");
        });
    }

    @Test
    void theGeneratorScalesTheSamePatternsToTheBenchmarkSize() {
        HsdsDataSet large = DemoSocialMap.generate(50_000);

        assertThat(large.services()).hasSizeGreaterThanOrEqualTo(50_000);
        assertThat(large.services().stream()
                        .map(HsdsDataSet.Service::id)
                        .distinct()
                        .count())
                .isEqualTo(large.services().size());
    }
}
