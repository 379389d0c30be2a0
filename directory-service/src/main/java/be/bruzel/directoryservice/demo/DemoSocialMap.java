package be.bruzel.directoryservice.demo;

import be.bruzel.directoryservice.hsds.HsdsDataSet;
import be.bruzel.directoryservice.hsds.HsdsJson;
import be.bruzel.directoryservice.hsds.HsdsMapping;
import be.bruzel.directoryservice.organisation.Location;
import be.bruzel.directoryservice.organisation.Organisation;
import be.bruzel.directoryservice.organisation.SupportService;
import be.bruzel.directoryservice.territory.PlaceRef;
import be.bruzel.platform.routing.TargetGroup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A fictional but realistic Brussels social map: for each municipality (and each district of
 * Brussel) an OCMW/CPAS, a lokaal dienstencentrum, a buurthuis, food aid, sport on prescription,
 * a Huis van het Kind and sometimes a jobhuis; per care zone a CAW office, a mental health centre
 * and addiction care; region-wide services. All names, addresses and mailboxes are invented
 * ({@code .example} domains). {@link #generate(int)} scales the same patterns to any size.
 */
public final class DemoSocialMap {

    /** The demo's size: every template once per place. */
    public static final int DEMO = 0;

    /** Municipality or district: NIS code, area id or null, postcode, Dutch and French names, care zone. */
    record Locality(String nis, String districtArea, String postcode, String nameNl, String nameFr, String zone) {

        String slug() {
            return slugOf(nameNl);
        }

        String place() {
            return districtArea != null ? "AREA:" + districtArea : "MUNICIPALITY:" + nis;
        }
    }

    static final List<Locality> LOCALITIES = List.of(
            new Locality("21001", null, "1070", "Anderlecht", "Anderlecht", "centrum-west"),
            new Locality("21002", null, "1160", "Oudergem", "Auderghem", "zuidoost"),
            new Locality("21003", null, "1082", "Sint-Agatha-Berchem", "Berchem-Sainte-Agathe", "noord"),
            new Locality("21004", "21004-vijfhoek", "1000", "Vijfhoek", "Pentagone", "centrum-west"),
            new Locality("21004", "21004-laken", "1020", "Laken", "Laeken", "noord"),
            new Locality(
                    "21004",
                    "21004-neder-over-heembeek",
                    "1120",
                    "Neder-Over-Heembeek",
                    "Neder-Over-Heembeek",
                    "noord"),
            new Locality("21004", "21004-haren", "1130", "Haren", "Haren", "noord"),
            new Locality("21004", "21004-europese-wijk", "1040", "Europese wijk", "Quartier européen", "zuidoost"),
            new Locality("21004", "21004-louizawijk", "1050", "Louizawijk", "Quartier Louise", "zuid"),
            new Locality("21005", null, "1040", "Etterbeek", "Etterbeek", "zuidoost"),
            new Locality("21006", null, "1140", "Evere", "Evere", "noordoost"),
            new Locality("21007", null, "1190", "Vorst", "Forest", "zuid"),
            new Locality("21008", null, "1083", "Ganshoren", "Ganshoren", "noord"),
            new Locality("21009", null, "1050", "Elsene", "Ixelles", "zuid"),
            new Locality("21010", null, "1090", "Jette", "Jette", "noord"),
            new Locality("21011", null, "1081", "Koekelberg", "Koekelberg", "noord"),
            new Locality("21012", null, "1080", "Sint-Jans-Molenbeek", "Molenbeek-Saint-Jean", "centrum-west"),
            new Locality("21013", null, "1060", "Sint-Gillis", "Saint-Gilles", "zuid"),
            new Locality("21014", null, "1210", "Sint-Joost-ten-Node", "Saint-Josse-ten-Noode", "noordoost"),
            new Locality("21015", null, "1030", "Schaarbeek", "Schaerbeek", "noordoost"),
            new Locality("21016", null, "1180", "Ukkel", "Uccle", "zuid"),
            new Locality("21017", null, "1170", "Watermaal-Bosvoorde", "Watermael-Boitsfort", "zuid"),
            new Locality("21018", null, "1200", "Sint-Lambrechts-Woluwe", "Woluwe-Saint-Lambert", "zuidoost"),
            new Locality("21019", null, "1150", "Sint-Pieters-Woluwe", "Woluwe-Saint-Pierre", "zuidoost"));

    record Zone(String code, String nameNl, String nameFr, String postcode, String city) {}

    static final List<Zone> ZONES = List.of(
            new Zone("noord", "Noord", "Nord", "1090", "Jette"),
            new Zone("noordoost", "Noordoost", "Nord-Est", "1030", "Schaarbeek"),
            new Zone("centrum-west", "Centrum-West", "Centre-Ouest", "1080", "Sint-Jans-Molenbeek"),
            new Zone("zuid", "Zuid", "Sud", "1060", "Sint-Gillis"),
            new Zone("zuidoost", "Zuidoost", "Sud-Est", "1040", "Etterbeek"));

    /**
     * A kind of service: its id suffix, names with a placeholder for the place, themes, languages and who it is
     * for.
     */
    record Template(
            String suffix,
            String nameNl,
            String nameFr,
            String descriptionNl,
            String descriptionFr,
            List<String> themes,
            List<String> languages,
            SupportService.Eligibility eligibility) {

        /** A kind of service for everyone. */
        Template(
                String suffix,
                String nameNl,
                String nameFr,
                String descriptionNl,
                String descriptionFr,
                List<String> themes,
                List<String> languages) {
            this(
                    suffix,
                    nameNl,
                    nameFr,
                    descriptionNl,
                    descriptionFr,
                    themes,
                    languages,
                    SupportService.Eligibility.EVERYONE);
        }
    }

    private DemoSocialMap() {}

    /**
     * Flemish organisations read their mail in Dutch, the neighbourhood houses and food banks in French;
     * the bilingual public centres (OCMW/CPAS), the sports services, the region's and the zones' services
     * state none and get both.
     */
    static String intakeLanguageOf(String organisationId) {
        if (organisationId.startsWith("ldc-")
                || organisationId.startsWith("huis-van-het-kind-")
                || organisationId.startsWith("jobhuis-")
                || organisationId.startsWith("caw-")) {
            return "nl";
        }
        if (organisationId.startsWith("buurthuis-") || organisationId.startsWith("voedselhulp-")) {
            return "fr";
        }
        return null;
    }

    /**
     * @param atLeast {@link #DEMO} for the demo set, or the number of services wanted at least:
     *     the patterns repeat with numbered organisations until there are as many
     */
    public static HsdsDataSet generate(int atLeast) {
        Builder builder = new Builder();
        builder.localServices(0);
        builder.zoneServices();
        builder.regionServices();
        for (int round = 1; builder.services.size() < atLeast; round++) {
            builder.localServices(round);
        }
        HsdsDataSet dataSet = HsdsMapping.dataSet(
                builder.organisations, builder.locations::get, builder.services, List.of(), id -> null);
        // HSDS keeps the order of a service's attributes: the demo lists its main theme first.
        return new HsdsDataSet(
                dataSet.hsdsVersion(),
                dataSet.organizations(),
                dataSet.services().stream()
                        .map(service -> service.withAttributes(service.attributes().stream()
                                .sorted(Comparator.comparingInt(attribute -> builder.mainThemeFirst
                                        .get(service.xId())
                                        .indexOf(attribute.taxonomyTerm().code())))
                                .toList()))
                        .toList());
    }

    private static final class Builder {

        final List<Organisation> organisations = new ArrayList<>();
        final Map<String, List<Location>> locations = new HashMap<>();
        final List<SupportService> services = new ArrayList<>();
        final Map<String, List<String>> mainThemeFirst = new HashMap<>();

        void localServices(int round) {
            String n = round == 0 ? "" : " " + (round + 1);
            String idSuffix = round == 0 ? "" : "-" + (round + 1);
            for (int i = 0; i < LOCALITIES.size(); i++) {
                Locality place = LOCALITIES.get(i);
                String street = STREETS.get(i % STREETS.size());
                if (place.districtArea() == null || place.postcode().equals("1000")) {
                    Locality municipality = place.districtArea() == null
                            ? place
                            : new Locality(place.nis(), null, place.postcode(), "Brussel", "Bruxelles", place.zone());
                    organisation(
                            "ocmw-" + municipality.slug() + idSuffix,
                            "OCMW " + municipality.nameNl() + n,
                            "CPAS " + municipality.nameFr() + n,
                            "Openbaar centrum voor maatschappelijk welzijn.",
                            "Centre public d'action sociale.",
                            municipality,
                            street + " 1",
                            List.of(
                                    new Template(
                                            "sociale-dienst",
                                            "Sociale dienst OCMW %s",
                                            "Service social CPAS %s",
                                            "Leefloon, sociale rechten en begeleiding bij administratie.",
                                            "Revenu d'intégration, droits sociaux et aide aux démarches administratives.",
                                            List.of("rights", "finances", "housing"),
                                            List.of("nl", "fr")),
                                    new Template(
                                            "schuldbemiddeling",
                                            "Schuldbemiddeling OCMW %s",
                                            "Médiation de dettes CPAS %s",
                                            "Budgetbegeleiding en schuldbemiddeling bij schulden en betalingsachterstand.",
                                            "Guidance budgétaire et médiation de dettes en cas de difficultés de paiement.",
                                            List.of("finances"),
                                            List.of("nl", "fr")),
                                    new Template(
                                            "energiecel",
                                            "Energiecel OCMW %s",
                                            "Cellule énergie CPAS %s",
                                            "Hulp bij energiefacturen, premies en een gezonde woning.",
                                            "Aide pour les factures d'énergie, les primes et un logement sain.",
                                            List.of("finances", "housing"),
                                            List.of("fr", "nl")),
                                    new Template(
                                            "thuiszorg",
                                            "Thuiszorg en maaltijden OCMW %s",
                                            "Aide à domicile et repas CPAS %s",
                                            "Gezinszorg, poetshulp en warme maaltijden aan huis, voor 65-plussers en"
                                                    + " personen met een handicap.",
                                            "Aide familiale, aide ménagère et repas chauds à domicile, pour les"
                                                    + " personnes de 65 ans et plus et les personnes handicapées.",
                                            List.of("care-at-home", "food"),
                                            List.of("nl", "fr"),
                                            new SupportService.Eligibility(
                                                    null,
                                                    null,
                                                    List.of(
                                                            TargetGroup.SENIORS,
                                                            TargetGroup.PEOPLE_WITH_A_DISABILITY)))),
                            municipality.place(),
                            round,
                            i);
                }
                organisation(
                        "ldc-" + place.slug() + idSuffix,
                        "Lokaal dienstencentrum " + place.nameNl() + n,
                        "Centre de services local " + place.nameFr() + n,
                        "Ontmoetingsplek voor buurtbewoners en senioren.",
                        "Lieu de rencontre pour les habitants et les seniors.",
                        place,
                        street + " 12",
                        List.of(
                                new Template(
                                        "ontmoeting",
                                        "Ontmoeting en activiteiten LDC %s",
                                        "Rencontres et activités CSL %s",
                                        "Samen eten, praten en bewegen tegen eenzaamheid.",
                                        "Manger, parler et bouger ensemble contre la solitude.",
                                        List.of("loneliness", "movement", "food"),
                                        i % 3 == 0 ? List.of("nl") : List.of("nl", "fr")),
                                new Template(
                                        "zorgcoordinatie",
                                        "Zorgcoördinatie LDC %s",
                                        "Coordination des soins CSL %s",
                                        "Hulp thuis organiseren en sociale rechten nakijken.",
                                        "Organiser l'aide à domicile et vérifier les droits sociaux.",
                                        List.of("care-at-home", "rights"),
                                        List.of("nl", "fr")),
                                new Template(
                                        "digipunt",
                                        "Digipunt LDC %s",
                                        "Point numérique CSL %s",
                                        "Hulp met formulieren, e-mail, itsme en online afspraken.",
                                        "Aide pour les formulaires, l'e-mail, itsme et les rendez-vous en ligne.",
                                        List.of("rights", "language"),
                                        List.of("nl", "fr"))),
                        place.place(),
                        round,
                        i);
                organisation(
                        "buurthuis-" + place.slug() + idSuffix,
                        "Buurthuis " + place.nameNl() + n,
                        "Maison de quartier " + place.nameFr() + n,
                        "Buurtwerk en gemeenschapsopbouw.",
                        "Travail de quartier et cohésion sociale.",
                        place,
                        street + " 30",
                        List.of(
                                new Template(
                                        "ontmoeting",
                                        "Buurtontmoeting %s",
                                        "Rencontres de quartier %s",
                                        "Koffie, buurtactiviteiten en vrijwilligerswerk.",
                                        "Café, activités de quartier et volontariat.",
                                        List.of("loneliness", "family"),
                                        List.of("fr", "nl", "ar")),
                                new Template(
                                        "taalcafe",
                                        "Taalcafé %s",
                                        "Café des langues %s",
                                        "Nederlands en Frans oefenen in een ontspannen sfeer.",
                                        "Pratiquer le néerlandais et le français dans une ambiance détendue.",
                                        List.of("language", "loneliness"),
                                        List.of("nl", "fr"))),
                        place.place(),
                        round,
                        i);
                organisation(
                        "voedselhulp-" + place.slug() + idSuffix,
                        "Voedselhulp " + place.nameNl() + n,
                        "Aide alimentaire " + place.nameFr() + n,
                        "Sociale kruidenier en voedselpakketten.",
                        "Épicerie sociale et colis alimentaires.",
                        place,
                        street + " 45",
                        List.of(new Template(
                                "sociale-kruidenier",
                                "Sociale kruidenier %s",
                                "Épicerie sociale %s",
                                "Betaalbare voeding voor gezinnen met een laag inkomen.",
                                "Alimentation abordable pour les ménages à faibles revenus.",
                                List.of("food", "finances"),
                                List.of("fr", "nl"))),
                        place.place(),
                        round,
                        i);
                organisation(
                        "sport-" + place.slug() + idSuffix,
                        "Sportdienst " + place.nameNl() + n,
                        "Service des sports " + place.nameFr() + n,
                        "Sport en bewegen voor iedereen.",
                        "Sport et activité physique pour tous.",
                        place,
                        street + " 60",
                        List.of(new Template(
                                "bewegen-op-verwijzing",
                                "Bewegen op verwijzing %s",
                                "Sport sur prescription %s",
                                "Begeleid bewegen op doorverwijzing van de huisarts.",
                                "Activité physique encadrée sur prescription du médecin.",
                                List.of("movement"),
                                List.of("nl", "fr"))),
                        place.place(),
                        round,
                        i);
                organisation(
                        "huis-van-het-kind-" + place.slug() + idSuffix,
                        "Huis van het Kind " + place.nameNl() + n,
                        "Maison de l'enfant " + place.nameFr() + n,
                        "Ondersteuning van gezinnen met kinderen.",
                        "Soutien aux familles avec enfants.",
                        place,
                        street + " 75",
                        List.of(new Template(
                                "opvoedingsondersteuning",
                                "Opvoedingsondersteuning %s",
                                "Soutien à la parentalité %s",
                                "Vragen over opvoeding, kinderopvang en gezinsleven.",
                                "Questions d'éducation, de garde d'enfants et de vie familiale.",
                                List.of("family"),
                                List.of("nl", "fr", "en"),
                                new SupportService.Eligibility(null, null, List.of(TargetGroup.FAMILIES)))),
                        place.place(),
                        round,
                        i);
                if (i % 2 == 0) {
                    organisation(
                            "jobhuis-" + place.slug() + idSuffix,
                            "Jobhuis " + place.nameNl() + n,
                            "Maison de l'emploi " + place.nameFr() + n,
                            "Werk zoeken en opleiding.",
                            "Recherche d'emploi et formation.",
                            place,
                            street + " 90",
                            List.of(new Template(
                                    "trajectbegeleiding",
                                    "Trajectbegeleiding werk %s",
                                    "Accompagnement vers l'emploi %s",
                                    "Begeleiding naar werk, opleiding of vrijwilligerswerk, van 18 tot 64 jaar.",
                                    "Accompagnement vers l'emploi, la formation ou le volontariat, de 18 à 64 ans.",
                                    List.of("work", "language"),
                                    List.of("nl", "fr"),
                                    new SupportService.Eligibility(18, 64, List.of()))),
                            place.place(),
                            round,
                            i);
                }
            }
        }

        void zoneServices() {
            organisation(
                    "caw-brussel",
                    "CAW Brussel",
                    "CAW Bruxelles",
                    "Centrum algemeen welzijnswerk.",
                    "Centre d'aide sociale générale (CAW).",
                    LOCALITIES.get(3),
                    "Groot Eiland 84",
                    List.of(),
                    null,
                    0,
                    0);
            for (int z = 0; z < ZONES.size(); z++) {
                Zone zone = ZONES.get(z);
                service(
                        "caw-brussel",
                        "caw-brussel-onthaal-" + zone.code(),
                        new Template(
                                "onthaal",
                                "CAW Onthaal %s",
                                "Accueil CAW %s",
                                "Vrij onthaal voor alle vragen over welzijn, wonen, geld en relaties.",
                                "Accueil libre pour toute question de bien-être, logement, argent et relations.",
                                List.of("housing", "finances", "rights", "family", "mental"),
                                List.of("nl", "fr", "en")),
                        zone.nameNl(),
                        zone.nameFr(),
                        "CARE_ZONE:" + zone.code(),
                        List.of("caw-brussel-location"),
                        0,
                        z);
                service(
                        "caw-brussel",
                        "caw-brussel-woonbegeleiding-" + zone.code(),
                        new Template(
                                "woonbegeleiding",
                                "CAW Woonbegeleiding %s",
                                "Accompagnement au logement CAW %s",
                                "Zoeken naar een woning, huurproblemen en dreigende uithuiszetting.",
                                "Recherche de logement, problèmes locatifs et menace d'expulsion.",
                                List.of("housing"),
                                List.of("nl", "fr")),
                        zone.nameNl(),
                        zone.nameFr(),
                        "CARE_ZONE:" + zone.code(),
                        List.of("caw-brussel-location"),
                        0,
                        z);
                organisation(
                        "cgg-" + zone.code(),
                        "Centrum Geestelijke Gezondheidszorg " + zone.nameNl(),
                        "Service de santé mentale " + zone.nameFr(),
                        "Ambulante geestelijke gezondheidszorg.",
                        "Soins de santé mentale ambulatoires.",
                        new Locality(null, null, zone.postcode(), zone.city(), zone.city(), zone.code()),
                        "Zorgstraat " + (z + 3),
                        List.of(new Template(
                                "therapie",
                                "Psychologische hulp %s",
                                "Aide psychologique %s",
                                "Therapie en begeleiding bij psychische problemen.",
                                "Thérapie et accompagnement en cas de difficultés psychiques.",
                                List.of("mental"),
                                List.of("nl", "fr"))),
                        "CARE_ZONE:" + zone.code(),
                        0,
                        z);
                organisation(
                        "verslavingszorg-" + zone.code(),
                        "Verslavingszorg " + zone.nameNl(),
                        "Assuétudes " + zone.nameFr(),
                        "Hulp bij alcohol, drugs, gokken en medicatie.",
                        "Aide en matière d'alcool, de drogues, de jeux et de médicaments.",
                        new Locality(null, null, zone.postcode(), zone.city(), zone.city(), zone.code()),
                        "Herstelstraat " + (z + 5),
                        List.of(new Template(
                                "ambulante-hulp",
                                "Ambulante verslavingshulp %s",
                                "Aide ambulatoire assuétudes %s",
                                "Gesprekken en begeleiding bij verslaving.",
                                "Entretiens et accompagnement en cas d'addiction.",
                                List.of("addiction", "mental"),
                                List.of("fr", "nl"))),
                        "CARE_ZONE:" + zone.code(),
                        0,
                        z);
            }
        }

        void regionServices() {
            Locality centre = LOCALITIES.get(3);
            organisation(
                    "huis-van-het-nederlands",
                    "Huis van het Nederlands Brussel",
                    "Maison du néerlandais Bruxelles",
                    "Nederlands leren in Brussel.",
                    "Apprendre le néerlandais à Bruxelles.",
                    centre,
                    "Taalstraat 2",
                    List.of(new Template(
                            "taaladvies",
                            "Taaladvies en cursussen",
                            "Conseil linguistique et cours",
                            "Advies over Nederlandse lessen en oefenkansen.",
                            "Conseil sur les cours de néerlandais et les occasions de pratiquer.",
                            List.of("language"),
                            List.of("nl", "fr", "en", "ar"))),
                    "REGION:bruzel",
                    0,
                    0);
            organisation(
                    "ziekenfondsen-sociale-dienst",
                    "Sociale dienst van de ziekenfondsen",
                    "Service social des mutualités",
                    "Sociaal werk van de ziekenfondsen.",
                    "Service social des mutualités.",
                    centre,
                    "Solidariteitsplein 7",
                    List.of(new Template(
                            "rechten-en-thuiszorg",
                            "Rechten en hulp thuis",
                            "Droits et aide à domicile",
                            "Tegemoetkomingen, mantelzorg en hulpmiddelen.",
                            "Allocations, aidants proches et aides techniques.",
                            List.of("rights", "care-at-home"),
                            List.of("nl", "fr"))),
                    "REGION:bruzel",
                    0,
                    1);
            organisation(
                    "babbelbuddies",
                    "Babbelbuddies",
                    "Copains de papote",
                    "Vrijwilligers die eenzame mensen thuis bezoeken.",
                    "Des bénévoles rendent visite aux personnes isolées.",
                    centre,
                    "Vriendschapsstraat 9",
                    List.of(new Template(
                            "huisbezoek",
                            "Huisbezoek tegen eenzaamheid",
                            "Visites à domicile contre l'isolement",
                            "Een vaste vrijwilliger komt wekelijks langs voor een babbel.",
                            "Un bénévole régulier passe chaque semaine pour papoter.",
                            List.of("loneliness"),
                            List.of("nl", "fr", "en"))),
                    "REGION:bruzel",
                    0,
                    2);
        }

        private void organisation(
                String id,
                String nameNl,
                String nameFr,
                String descriptionNl,
                String descriptionFr,
                Locality place,
                String address,
                List<Template> templates,
                String area,
                int round,
                int index) {
            String locationId = id + "-location";
            organisations.add(new Organisation(
                    id,
                    nameNl,
                    nameFr,
                    descriptionNl,
                    descriptionFr,
                    "info@" + id + ".example",
                    "https://" + id + ".example",
                    null));
            locations.put(
                    id,
                    List.of(new Location(locationId, nameNl, address, place.postcode(), place.nameNl(), null, null)));
            for (Template template : templates) {
                service(
                        id,
                        id + "-" + template.suffix(),
                        template,
                        place.nameNl(),
                        place.nameFr(),
                        area,
                        List.of(locationId),
                        round,
                        index);
            }
        }

        private void service(
                String organisationId,
                String id,
                Template template,
                String placeNl,
                String placeFr,
                String area,
                List<String> locations,
                int round,
                int index) {
            int n = services.size();
            SupportService.Capacity capacity = n % 23 == 7
                    ? new SupportService.Capacity(SupportService.Capacity.Status.FULL, LocalDate.of(2027, 6, 30))
                    : n % 41 == 11
                            ? new SupportService.Capacity(SupportService.Capacity.Status.PAUSED, null)
                            : SupportService.Capacity.OPEN;
            List<SupportService.OpeningHours> hours = new ArrayList<>();
            for (int day = 1; day <= 5; day++) {
                hours.add(new SupportService.OpeningHours(day, LocalTime.of(9, 0), LocalTime.of(12, 0)));
            }
            for (int day : index % 2 == 0 ? new int[] {2, 4} : new int[] {1, 3}) {
                hours.add(new SupportService.OpeningHours(day, LocalTime.of(13, 30), LocalTime.of(16, 30)));
            }
            services.add(new SupportService(
                    id,
                    organisationId,
                    template.nameNl().formatted(placeNl),
                    template.nameFr().formatted(placeFr),
                    template.descriptionNl(),
                    template.descriptionFr(),
                    true,
                    new SupportService.Intake(
                            "Onthaal / Accueil",
                            "onthaal@" + organisationId + ".example",
                            intakeLanguageOf(organisationId)),
                    capacity,
                    template.eligibility(),
                    template.themes(),
                    template.languages(),
                    List.of(PlaceRef.parse(area)),
                    locations,
                    List.of(new SupportService.Contact(
                            "Onthaal / Accueil",
                            "onthaal@" + organisationId + ".example",
                            "+32 2 "
                                    + String.format(Locale.ROOT, "%03d %02d %02d", 100 + index, round % 100, n % 100))),
                    hours,
                    null));
            mainThemeFirst.put(id, template.themes());
        }
    }

    /** Writes a data set as HSDS JSON: {@code DemoSocialMap <file> [at least so many services]}. */
    public static void main(String[] args) throws IOException {
        Files.write(
                Path.of(args[0]), HsdsJson.writeIndented(generate(args.length > 1 ? Integer.parseInt(args[1]) : DEMO)));
    }

    private static final List<String> STREETS = List.of(
            "Dorpsstraat",
            "Kerkplein",
            "Stationsstraat",
            "Marktplein",
            "Lindenlaan",
            "Molenstraat",
            "Schoolstraat",
            "Parklaan");

    static String slugOf(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
    }
}
