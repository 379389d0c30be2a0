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
import java.util.Comparator;
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
        byte[] json;
        try (InputStream in = new ClassPathResource(DATA_SET).getInputStream()) {
            json = in.readAllBytes();
        }
        hsds.importJson(ACTOR, json, false);
        HsdsDataSet dataSet = HsdsJson.read(json);
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

    /**
     * Rules as a zone would write them for GPs: each theme at each place goes first to the services there
     * whose main theme it is (the first of their themes: debt mediation for debts, not a social grocery that
     * also helps with money), then to those that also offer it. A place with only such side offers gets no
     * rule when a wider place (its municipality, care zone or the region) has a specialist: the referral
     * goes there instead.
     */
    static List<RoutingRule> rulesFor(HsdsDataSet dataSet) {
        Map<String, List<HsdsDataSet.Service>> offers = new LinkedHashMap<>();
        for (HsdsDataSet.Service service : dataSet.services()) {
            for (HsdsDataSet.ServiceArea area : service.serviceAreas()) {
                for (String theme : themesOf(service)) {
                    offers.computeIfAbsent(area.extent() + "/" + theme, ignored -> new ArrayList<>())
                            .add(service);
                }
            }
        }
        List<RoutingRule> rules = new ArrayList<>();
        offers.forEach((placeAndTheme, services) -> {
            String place = placeAndTheme.substring(0, placeAndTheme.indexOf('/'));
            String theme = placeAndTheme.substring(placeAndTheme.indexOf('/') + 1);
            boolean specialistHere = services.stream().anyMatch(service -> isMainThemeOf(theme, service));
            boolean specialistWider = widerPlaces(place).stream()
                    .anyMatch(wider -> offers.getOrDefault(wider + "/" + theme, List.of()).stream()
                            .anyMatch(service -> isMainThemeOf(theme, service)));
            if (specialistHere || !specialistWider) {
                rules.add(new RoutingRule(
                        PlaceRef.parse(place),
                        theme,
                        services.stream()
                                .sorted(Comparator.comparing(service -> !isMainThemeOf(theme, service)))
                                .map(HsdsDataSet.Service::xId)
                                .toList()));
            }
        });
        return rules;
    }

    private static List<String> themesOf(HsdsDataSet.Service service) {
        return service.attributes().stream()
                .map(attribute -> attribute.taxonomyTerm().code())
                .toList();
    }

    private static boolean isMainThemeOf(String theme, HsdsDataSet.Service service) {
        return themesOf(service).indexOf(theme) == 0;
    }

    /** The places around a demo place, most local first: a district's municipality, the care zones, the region. */
    static List<String> widerPlaces(String place) {
        List<String> wider = new ArrayList<>();
        for (DemoSocialMap.Locality locality : DemoSocialMap.LOCALITIES) {
            if (place.equals("AREA:" + locality.districtArea())) {
                wider.add("MUNICIPALITY:" + locality.nis());
                wider.add("CARE_ZONE:" + locality.zone());
            } else if (place.equals("MUNICIPALITY:" + locality.nis())) {
                wider.add("CARE_ZONE:" + locality.zone());
            }
        }
        if (!place.startsWith("REGION:")) {
            wider.add("REGION:bruzel");
        }
        return wider.stream().distinct().toList();
    }
}
