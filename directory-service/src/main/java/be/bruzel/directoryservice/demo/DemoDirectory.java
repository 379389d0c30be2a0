package be.bruzel.directoryservice.demo;

import be.bruzel.directoryservice.hsds.HsdsDataSet;
import be.bruzel.directoryservice.hsds.HsdsImport;
import be.bruzel.directoryservice.hsds.HsdsJson;
import be.bruzel.directoryservice.routing.RoutingAdministration;
import be.bruzel.directoryservice.routing.RoutingRule;
import be.bruzel.directoryservice.territory.CareZone;
import be.bruzel.directoryservice.territory.PlaceRef;
import be.bruzel.directoryservice.territory.TerritoryAdministration;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fills an empty directory with the demo social map ({@code demo-data/brussels-social-map.hsds.json}),
 * routing rules that send each theme to the most local services offering it, and helpdesk
 * contacts for the five care zones. Only where {@code platform.directory.demo-data} is true.
 */
@Component
@Order(1)
@ConditionalOnBooleanProperty("platform.directory.demo-data")
class DemoDirectory implements ApplicationRunner {

    static final String DATA_SET = "demo-data/brussels-social-map.hsds.json";
    private static final String ACTOR = "demo-data";
    private static final Logger log = LoggerFactory.getLogger(DemoDirectory.class);

    private final HsdsImport hsds;
    private final RoutingAdministration routing;
    private final TerritoryAdministration territory;
    private final DemoLoads loads;

    DemoDirectory(HsdsImport hsds, RoutingAdministration routing, TerritoryAdministration territory, DemoLoads loads) {
        this.hsds = hsds;
        this.routing = routing;
        this.territory = territory;
        this.loads = loads;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        if (!loads.directoryIsEmpty()) {
            return;
        }
        HsdsDataSet dataSet;
        try (InputStream in = new ClassPathResource(DATA_SET).getInputStream()) {
            dataSet = HsdsJson.read(in.readAllBytes());
        }
        hsds.importDataSet(ACTOR, dataSet, false);
        List<RoutingRule> rules = rulesFor(dataSet);
        rules.forEach(rule -> routing.replace(ACTOR, rule));
        int n = 0;
        for (DemoSocialMap.Zone zone : DemoSocialMap.ZONES) {
            territory.recordHelpdesk(
                    ACTOR,
                    zone.code(),
                    new CareZone.Helpdesk("helpdesk." + zone.code() + "@bruzel.example", "+32 2 000 00 0" + ++n));
        }
        log.info(
                "Loaded the demo social map: {} organisations, {} services, {} routing rules",
                dataSet.organizations().size(),
                dataSet.services().size(),
                rules.size());
    }

    /** Each theme at each place goes to the services that serve exactly that place and offer it, in data-set order. */
    static List<RoutingRule> rulesFor(HsdsDataSet dataSet) {
        Map<String, List<String>> servicesByPlaceAndTheme = new LinkedHashMap<>();
        for (HsdsDataSet.Service service : dataSet.services()) {
            for (HsdsDataSet.ServiceArea area : service.serviceAreas()) {
                for (HsdsDataSet.Attribute attribute : service.attributes()) {
                    servicesByPlaceAndTheme
                            .computeIfAbsent(
                                    area.extent() + "/"
                                            + attribute.taxonomyTerm().code(),
                                    ignored -> new ArrayList<>())
                            .add(service.id());
                }
            }
        }
        return servicesByPlaceAndTheme.entrySet().stream()
                .map(entry -> {
                    String[] placeAndTheme = entry.getKey().split("/");
                    return new RoutingRule(PlaceRef.parse(placeAndTheme[0]), placeAndTheme[1], entry.getValue());
                })
                .toList();
    }
}
