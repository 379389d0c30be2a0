package be.bruzel.platformtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import be.bruzel.platform.testing.TestInfrastructure;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Media;
import com.microsoft.playwright.options.ViewportSize;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.webjars.WebJarVersionLocator;

/**
 * The web application in a real browser (Debian's Chromium, driven by Playwright) on the whole
 * platform: each person signs in at the identity provider, in their own browser, at tablet width.
 * Every screen is checked against WCAG 2.1 AA with axe-core and photographed into
 * {@code target/screenshots}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebApplicationIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String AXE = axeCore();

    static RunningPlatform platform;
    static Browsers browsers;
    /** Where the platform's mail goes: the person's link arrives here. */
    static GreenMail mailbox;
    /** The referral the Jette story is about, from the GP's screen. */
    static String referralAddress;

    @BeforeAll
    static void start() throws Exception {
        mailbox = new GreenMail(new ServerSetup(RunningPlatform.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mailbox.start();
        platform = RunningPlatform.start(
                Path.of("target", "platform-logs-web"),
                Map.of(
                        "SMTP_HOST",
                        "127.0.0.1",
                        "SMTP_PORT",
                        String.valueOf(mailbox.getSmtp().getPort()),
                        // Persons who agreed are asked as soon as their referral is completed, and soon.
                        "PERSON_VOICE_EVERY",
                        "PT2S"));
        platform.awaitDirectoryCopies();
        Files.createDirectories(SCREENSHOTS);
        browsers = Browsers.launch(platform.gateway());
    }

    @AfterAll
    static void stop() {
        if (browsers != null) {
            browsers.close();
        }
        if (platform != null) {
            platform.close();
        }
        if (mailbox != null) {
            mailbox.stop();
        }
    }

    /** On a failure, what every open page showed, to see why (before the browsers close). */
    @RegisterExtension
    static final AfterTestExecutionCallback PHOTOGRAPH_ON_FAILURE = test -> {
        if (test.getExecutionException().isEmpty()) {
            return;
        }
        int n = 0;
        for (Page page : browsers.openPages()) {
            page.screenshot(new Page.ScreenshotOptions()
                    .setFullPage(true)
                    .setPath(SCREENSHOTS.resolve(
                            "failed-" + test.getRequiredTestMethod().getName() + "-" + ++n + ".png")));
        }
    };

    @AfterEach
    void closeTheBrowsers() {
        browsers.closeAll();
    }

    @Test
    @Order(1)
    void theFirstPageInvitesToSignIn() {
        Page page = browsers.tablet().newPage();
        page.navigate(platform.gateway() + "/");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Aanmelden"))
                        .first())
                .isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Doorverwijzen naar welzijn in Brussel");
        checkAndPhotograph(page, "00-home-signed-out");
    }

    @Test
    @Order(2)
    void aGpInJetteRefersAndTheJetteOrganisationClosesTheLoopWithFeedback() throws Exception {
        Page gp = browsers.signIn("gp.jette");
        assertThat(gp.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Mijn doorverwijzingen");
        checkAndPhotograph(gp, "01-gp-my-referrals");

        gp.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions()
                                .setName("Nieuwe doorverwijzing")
                                .setExact(true))
                .first()
                .click();
        assertThat(gp.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Nieuwe doorverwijzing");
        // Required fields say so, to the eye and to assistive technology; so do the groups, in their legend.
        assertThat(gp.getByLabel("Naam", new Page.GetByLabelOptions().setExact(true)))
                .hasAttribute("aria-required", "true");
        assertThat(gp.getByLabel("De persoon geeft toestemming")).hasAttribute("aria-required", "true");
        assertThat(gp.locator("[data-field='themes'] legend")).containsText("*");
        assertThat(gp.locator("[data-field='themes'] legend .visually-hidden")).containsText("verplicht");
        gp.getByLabel("Naam", new Page.GetByLabelOptions().setExact(true)).fill("Marie Peeters");
        gp.getByLabel("Telefoon").fill("0470 12 34 56");
        gp.getByLabel("Postcode").fill("1090");
        assertThat(gp.locator(".municipality")).containsText("Jette · zorgzone Noord");
        gp.getByLabel("Financiën en schulden").check();
        gp.getByLabel("Vraag", new Page.GetByLabelOptions().setExact(true))
                .fill("Mevrouw heeft schulden bij de energieleverancier.");
        assertThat(gp.locator(".receivers")).containsText("Schuldbemiddeling OCMW Jette (voorgesteld)");
        // The referrer sees what each service the rules allow does, where and when, and may choose another.
        gp.getByText("Over Sociale dienst OCMW Jette").click();
        Locator about = gp.locator(".about-service[open] .service-details");
        assertThat(about).containsText("Telefoon");
        assertThat(about).containsText(Pattern.compile("ma\\.? 09:00–12:00"));
        assertThat(about).containsText("1090 Jette");
        gp.getByRole(
                        AriaRole.RADIO,
                        new Page.GetByRoleOptions()
                                .setName("Sociale dienst OCMW Jette")
                                .setExact(true))
                .check();
        gp.getByText("Waarom deze organisatie?").first().click();
        gp.getByLabel("De persoon geeft toestemming").check();
        checkAndPhotograph(gp, "02-gp-new-referral-filled");

        gp.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Doorverwijzing versturen"))
                .click();
        assertThat(gp.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Doorverwijzing verstuurd");
        // A handout for the person in their language: who will contact them, how to reach them; nothing of the person.
        Locator handout = gp.locator(".handout");
        assertThat(handout).hasAttribute("lang", "nl");
        assertThat(handout).containsText("Uw doorverwijzing");
        assertThat(handout).containsText("Sociale dienst OCMW Jette");
        assertThat(handout).containsText("Telefoon");
        assertThat(handout).not().containsText("Marie");
        assertThat(handout).not().containsText("0470");
        assertThat(gp.url()).doesNotContain("Marie").doesNotContain("0470");
        gp.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        assertThat(handout).isVisible();
        assertThat(gp.locator(".sent-list")).isHidden();
        assertThat(gp.locator("header.top")).isHidden();
        gp.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));
        checkAndPhotograph(gp, "03-gp-referral-sent");
        gp.locator(".sent-list a").first().click();
        assertThat(gp.locator(".referral-status")).containsText("Verstuurd");
        referralAddress = gp.url();
        gp.getByText("Waarom deze organisatie?").click();
        assertThat(gp.locator("main details"))
                .containsText("Gemeente Jette: Schuldbemiddeling OCMW Jette — voorgesteld, maar de doorverwijzer koos");
        assertThat(gp.locator("main details"))
                .containsText("Gemeente Jette: Sociale dienst OCMW Jette — gekozen door de doorverwijzer");
        checkAndPhotograph(gp, "04-gp-referral-detail");

        Page worker = browsers.signIn("worker.jette");
        assertThat(worker.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .containsText("OCMW Jette");
        checkAndPhotograph(worker, "05-organisation-inbox");
        String referralPath = referralAddress.substring(platform.gateway().length());
        String reference = referralPath.substring("/referrals/".length(), "/referrals/".length() + 8);
        worker.locator("table tbody a[href='" + referralPath + "']").click();
        assertThat(worker.getByText("Marie Peeters")).isVisible();
        assertThat(worker.locator(".referral-status")).containsText("Ontvangen");
        checkAndPhotograph(worker, "06-organisation-referral-received");

        // After each action the screen stays where the worker is, with a confirmation next to what was done.
        Locator confirmation = worker.locator(".confirmation");
        worker.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Aanvaarden"))
                .click();
        assertThat(worker.locator(".referral-status")).containsText("Aanvaard");
        assertThat(confirmation).hasText("Doorverwijzing aanvaard");
        assertThat(confirmation).isInViewport();
        assertThat(confirmation).isFocused();
        worker.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Contactpoging noteren"))
                .click();
        assertThat(worker.locator(".referral-status")).containsText("Bezig");
        assertThat(worker.locator(".timeline")).containsText("Persoon bereikt");
        assertThat(confirmation).hasText("Contactpoging genoteerd");
        assertThat(confirmation).isInViewport();

        // Completing is one step: no outcome chosen beforehand, a message with it, and a confirmation first.
        Locator complete = worker.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Afronden"));
        assertThat(worker.getByLabel("Resultaat")).hasValue("");
        complete.click();
        assertThat(worker.locator("[data-field='outcome'] .error-message")).isVisible();
        assertThat(worker.getByLabel("Resultaat")).hasAttribute("aria-invalid", "true");
        worker.getByLabel("Resultaat").selectOption("SOLVED");
        worker.getByLabel("Bericht aan de doorverwijzer (niet verplicht)")
                .fill("Mevrouw heeft een afbetalingsplan met de leverancier.");
        complete.click();
        assertThat(worker.locator("main")).containsText("Afronden met resultaat \"Opgelost\"?");
        assertThat(worker.locator(".referral-status")).containsText("Bezig");
        checkAndPhotograph(worker, "07-organisation-confirms-completion");
        worker.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ja, afronden"))
                .click();
        assertThat(worker.locator(".referral-status")).containsText("Afgerond");
        assertThat(worker.locator(".messages")).containsText("afbetalingsplan");
        assertThat(confirmation).hasText("Doorverwijzing afgerond");
        assertThat(confirmation).isInViewport();
        checkAndPhotograph(worker, "07-organisation-referral-completed");

        // The completion reaches notification-service through Kafka.
        gp.navigate(platform.gateway() + "/notifications");
        reloadUntil(gp, () -> {
            assertThat(gp.locator(".notifications")).containsText(reference + " afgerond");
            assertThat(gp.locator(".notifications")).containsText("Nieuw bericht bij doorverwijzing " + reference);
        });
        assertThat(gp.locator("#unread-count .count")).not().hasText("");
        checkAndPhotograph(gp, "08-gp-notifications");
        gp.locator(".notifications a")
                .filter(new Locator.FilterOptions().setHasText(reference + " afgerond"))
                .click();
        assertThat(gp.locator(".referral-status")).containsText("Afgerond");
        assertThat(gp.locator(".messages")).containsText("Mevrouw heeft een afbetalingsplan met de leverancier.");
        assertThat(gp.locator(".referral-status")).containsText("Opgelost");
        checkAndPhotograph(gp, "09-gp-sees-feedback");

        // Mevrouw Peeters asks for her data to be erased: nothing is sent until the GP confirms what it does.
        assertThat(gp.locator("main")).containsText("Dit kan niet ongedaan gemaakt worden.");
        Locator erase =
                gp.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gegevens van de persoon wissen"));
        assertThat(erase).isDisabled();
        gp.getByLabel("Waarom", new Page.GetByLabelOptions().setExact(true)).selectOption("PERSON_REQUEST");
        gp.getByLabel("Ik begrijp dat de gegevens van de persoon definitief gewist worden")
                .check();
        erase.click();
        assertThat(gp.locator("main .erased").first()).containsText("Persoonsgegevens gewist op");
        assertThat(gp.locator("main")).containsText("De persoon vraagt het");
        assertThat(gp.locator("main")).not().containsText("Marie Peeters");
        assertThat(gp.locator("main")).not().containsText("afbetalingsplan");
        assertThat(gp.locator(".messages")).containsText("gewist met de gegevens van de persoon");
        assertThat(gp.locator(".timeline")).containsText("Persoonsgegevens gewist");
        checkAndPhotograph(gp, "10-gp-person-data-erased");
        assertThat(RunningPlatform.count(
                        "referral",
                        "SELECT count(*) FROM referral WHERE id = ?::uuid"
                                + " AND person_name IS NULL AND personal_data_erasure_reason = 'PERSON_REQUEST'",
                        referralPath.substring("/referrals/".length())))
                .isEqualTo(1);
    }

    @Test
    @Order(3)
    void theAnalystSeesTheJetteReferralsInTheFiguresInTheirOwnLanguageAndDownloadsThem() throws Exception {
        // Four more referrals in Jette, so that Jette's count (five) is no longer too small to show.
        String token = platform.token("gp.jette");
        for (int i = 0; i < 4; i++) {
            Browsers.submitThroughTheApi(platform.gateway(), token, "1090");
        }
        Page analyst = browsers.signIn("analyst.bruzel");
        assertThat(analyst.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Statistiques des orientations");
        // Other tests of this module may share the database: Jette's count is whatever the store holds,
        // published as the statistics API publishes it (perturbed by at most 2, never below 5).
        Locator jette = analyst.locator(".tile[data-municipality='21010'] .tile-value");
        String analystToken = platform.token("analyst.bruzel");
        reloadUntil(analyst, () -> {
            long inTheStore = RunningPlatform.count("statistics", """
                    SELECT count(*) FROM statistics_referral WHERE municipality_nis = '21010'
                       AND submitted_at >= (date_trunc('month', now() AT TIME ZONE 'Europe/Brussels') - interval '11 months')
                                           AT TIME ZONE 'Europe/Brussels'""");
            long published = publishedJetteCount(analystToken);
            assertThat(inTheStore).isGreaterThanOrEqualTo(5);
            assertThat(published).isBetween(Math.max(5, inTheStore - 2), inTheStore + 2);
            assertThat(jette)
                    .hasText(Pattern.compile(
                            "^" + String.join("\\D?", String.valueOf(published).split("")) + "$"));
        });
        assertThat(analyst.locator("table").last()).containsText("Jette");
        checkAndPhotograph(analyst, "10-analyst-dashboard-fr");

        Download csv = analyst.waitForDownload(
                () -> analyst.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Télécharger en CSV"))
                        .click());
        String content = Files.readString(csv.path(), StandardCharsets.UTF_8);
        assertThat(content)
                .as("a byte order mark, so that a spreadsheet reads the accents")
                .startsWith("\uFEFFCommune;Code;Période;Envoyées;")
                .contains("Jette")
                .contains(";Masqué pour protéger la vie privée\r\n");

        // A municipality with a single referral: its count is hidden, and drawn as hidden, never as a zero.
        String hidden = aMunicipalityWithOneReferral(token);
        analyst.navigate(platform.gateway() + "/statistics?by=municipality");
        reloadUntil(analyst, () -> {
            assertThat(analyst.locator(".tile[data-municipality='" + hidden + "']"))
                    .hasClass(Pattern.compile("\\bsuppressed\\b"));
        });
        assertThat(analyst.locator(".tile[data-municipality='" + hidden + "'] .tile-value"))
                .hasText("x");
        Locator hiddenBar =
                analyst.locator("#per-group ~ .chart .bars > li.suppressed").first();
        assertThat(hiddenBar.locator(".bar-track.suppressed")).isVisible();
        assertThat(hiddenBar.locator(".bar-value")).containsText("x");
        assertThat(hiddenBar.locator("rect")).hasCount(0);
        assertThat(hiddenBar.locator(".bar-track").boundingBox().width)
                .as("a hidden figure is a hatched band across the track, not a bar of zero")
                .isGreaterThan(40);
        // Beside a hidden part, the totals say why subtracting the others from them gives nothing.
        assertThat(analyst.locator("#headline ~ .hint")).containsText("pas un chiffre masqué");
        checkAndPhotograph(analyst, "23-analyst-hidden-figures-fr");

        // The map for every grouping that lies on the municipalities, legible on a phone.
        Page phone = browsers.signIn("analyst.bruzel", Browsers.Screen.PHONE);
        phone.navigate(platform.gateway() + "/statistics?by=district");
        assertThat(phone.locator(".tile[data-municipality='21004'] .tile-parts li"))
                .hasCount(6);
        assertThat(phone.locator(".tile[data-municipality='21004']")).containsText("Laeken");
        phone.navigate(platform.gateway() + "/statistics?by=care-zone&careZone=noord");
        assertThat(phone.locator(".tile[data-municipality='21010'] .tile-parts"))
                .containsText("Nord");
        assertThat(phone.locator(".tile[data-municipality='21009']")).containsText("hors du bassin choisi");
        assertThat(Browsers.layoutWidth(phone))
                .as("only the map scrolls sideways on a phone, inside its frame")
                .isLessThanOrEqualTo(Browsers.Screen.PHONE.width);
        assertThat(Browsers.wordsBrokenAcrossLines(phone, "main")).isEmpty();
        checkAndPhotograph(phone, "24-analyst-care-zones-phone-fr");

        analyst.getByLabel("Langue").selectOption("nl");
        assertThat(analyst.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Cijfers over doorverwijzingen");
        checkAndPhotograph(analyst, "11-analyst-dashboard-nl");
        // Remembered for the person, not the browser: a fresh browser opens in Dutch too.
        Page elsewhere = browsers.signIn("analyst.bruzel");
        assertThat(elsewhere.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Cijfers over doorverwijzingen");
    }

    @Test
    @Order(4)
    void inFrenchASubmissionWithoutConsentIsRefusedAndNothingIsStored() throws Exception {
        long before =
                RunningPlatform.count("referral", "SELECT count(*) FROM referral WHERE referrer_id = 'gp.schaerbeek'");
        Page gp = browsers.signIn("gp.schaerbeek");
        gp.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions()
                                .setName("Nouvelle orientation")
                                .setExact(true))
                .first()
                .click();
        assertThat(gp.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Nouvelle orientation");
        gp.getByLabel("Nom", new Page.GetByLabelOptions().setExact(true)).fill("Jean Dupont");
        gp.getByLabel("E-mail", new Page.GetByLabelOptions().setExact(true)).fill("jean.dupont@example.org");
        gp.getByLabel("Code postal").fill("1050");
        assertThat(gp.locator(".municipality")).containsText("Le code postal 1050 couvre deux communes");
        assertThat(gp.locator(".receivers")).containsText("choisissez ci-dessus la commune où la personne habite");
        gp.getByLabel(Pattern.compile("^Ixelles")).check();
        gp.getByLabel("Solitude et contacts sociaux").check();
        gp.getByLabel("Question", new Page.GetByLabelOptions().setExact(true))
                .fill("Monsieur se sent seul depuis son veuvage.");
        assertThat(gp.locator(".receivers")).containsText("Solitude et contacts sociaux");

        gp.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Envoyer l'orientation"))
                .click();

        Locator summary = gp.locator(".error-summary");
        assertThat(summary).containsText("Le consentement de la personne est requis");
        assertThat(gp.locator("[data-field='consent.given'] .error-message")).isVisible();
        assertThat(gp.getByLabel("La personne donne son consentement")).hasAttribute("aria-invalid", "true");
        checkAndPhotograph(gp, "12-fr-refused-without-consent");
        assertThat(RunningPlatform.count(
                        "referral", "SELECT count(*) FROM referral WHERE referrer_id = 'gp.schaerbeek'"))
                .isEqualTo(before);
    }

    @Test
    @Order(5)
    void anOrganisationCannotOpenAnotherOrganisationsReferral() {
        assertThat(referralAddress).as("the Jette story ran first").isNotNull();
        Page other = browsers.signIn("worker.ldc.jette");
        other.navigate(referralAddress);
        assertThat(other.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Niet gevonden");
        assertThat(other.locator("main")).not().containsText("Marie Peeters");
        checkAndPhotograph(other, "13-other-organisation-not-found");
    }

    @Test
    @Order(6)
    void aWorkerFindsOneReferralInABusyInboxByNameOrReferenceOnADesktopAndOnAPhone() throws Exception {
        String token = platform.token("gp.jette");
        for (int i = 0; i < 20; i++) {
            Browsers.submitThroughTheApi(platform.gateway(), token, "1090");
        }
        String zoe = Browsers.submitThroughTheApi(platform.gateway(), token, "1090", "Zoë Vandamme-Éloy");

        Page desk = browsers.signIn("worker.jette", Browsers.Screen.DESKTOP);
        assertThat(desk.locator("table thead")).containsText("Persoon");
        assertThat(desk.locator(".pager")).containsText("Pagina 1 van");
        desk.getByLabel("Naam of referentie").fill("vandamme");
        desk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Zoeken"))
                .click();
        assertThat(desk.locator("table caption")).hasText(Pattern.compile("^1 gevonden"));
        assertThat(desk.locator("table tbody tr")).hasCount(1);
        assertThat(desk.locator("table tbody tr")).containsText("Zoë Vandamme-Éloy");
        assertThat(desk.locator("table tbody tr")).containsText("Jette");
        assertThat(desk.locator("table tbody tr")).containsText(zoe.substring(0, 8));
        assertThat(desk.url()).as("a name never goes into the address").doesNotContainIgnoringCase("vandamme");
        checkAndPhotograph(desk, "19-worker-inbox-search-desktop");
        assertThat(RunningPlatform.count(
                        "referral",
                        "SELECT count(*) FROM person_data_access WHERE referral_id = ?::uuid"
                                + " AND user_id = 'worker.jette' AND purpose = 'referral.list'",
                        zoe))
                .as("a name shown in a list is a logged read")
                .isPositive();

        desk.getByLabel("Dringendheid").selectOption("URGENT");
        desk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Zoeken"))
                .click();
        assertThat(desk.locator("main .empty")).hasText("Niets gevonden. Probeer minder woorden of een andere filter.");
        desk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Alles tonen"))
                .click();
        assertThat(desk.locator("table tbody tr")).hasCount(20);
        desk.goBack();
        assertThat(desk.getByLabel("Naam of referentie")).hasValue("vandamme");

        Page phone = browsers.signIn("worker.jette", Browsers.Screen.PHONE);
        phone.getByLabel("Naam of referentie").fill(zoe.substring(0, 8));
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Zoeken"))
                .click();
        assertThat(phone.locator("table tbody tr")).hasCount(1);
        assertThat(phone.locator("table tbody td[data-label='Persoon']")).isVisible();
        assertThat(phone.locator("table tbody tr")).containsText("Zoë Vandamme-Éloy");
        assertThat(Browsers.layoutWidth(phone))
                .as("nothing is cut off or scrolls sideways on a phone")
                .isLessThanOrEqualTo(Browsers.Screen.PHONE.width);
        assertThat(Browsers.wordsBrokenAcrossLines(phone, "main")).isEmpty();
        assertThat(phone.locator("table tbody th a").boundingBox().height)
                .as("a touch target is at least 44 px high")
                .isGreaterThanOrEqualTo(44);
        checkAndPhotograph(phone, "20-worker-inbox-search-phone");
        phone.locator("table tbody th a").click();
        assertThat(phone.locator(".referral-status")).isVisible();
        assertThat(phone.getByText("Zoë Vandamme-Éloy").first()).isVisible();
        assertThat(Browsers.wordsBrokenAcrossLines(phone, "main"))
                .as("the person's details on a phone")
                .isEmpty();
        assertThat(Browsers.layoutWidth(phone)).isLessThanOrEqualTo(Browsers.Screen.PHONE.width);
    }

    @Test
    @Order(7)
    void aWorkerWhoReadsEnglishSeesTheSocialMapInFrenchByTheirChoice() {
        Page worker = browsers.signIn("worker.jette");
        worker.navigate(platform.gateway() + "/settings");
        worker.locator("input[name='language'][value='en']").check();
        worker.locator("input[name='directoryLanguage'][value='fr']").check();
        checkAndPhotograph(worker, "21-settings-directory-language");
        worker.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bewaren"))
                .click();
        assertThat(worker.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("My settings");

        worker.navigate(platform.gateway() + "/inbox");
        assertThat(worker.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Inbox of CPAS Jette");
        // Remembered for the person: a fresh browser shows the same.
        Page elsewhere = browsers.signIn("worker.jette");
        assertThat(elsewhere.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Inbox of CPAS Jette");

        elsewhere.navigate(platform.gateway() + "/settings");
        elsewhere.locator("input[name='language'][value='nl']").check();
        elsewhere.locator("input[name='directoryLanguage'][value='nl']").check();
        elsewhere
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save"))
                .click();
        assertThat(elsewhere.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Mijn instellingen");
    }

    @Test
    @Order(8)
    void anEndedSessionAsksToSignInAgainAndSigningOutEndsIt() {
        Page gp = browsers.signIn("gp.jette");
        gp.context().clearCookies();
        gp.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Alle")).click();
        assertThat(gp.locator("#session-ended")).containsText("Uw sessie is verlopen");
        checkAndPhotograph(gp, "14-session-ended");
        gp.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Opnieuw aanmelden"))
                .click();
        gp.locator("input[name=username]").fill("gp.jette");
        gp.locator("input[name=password]").fill("demo");
        gp.locator("button[type=submit]").click();
        assertThat(gp.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Mijn doorverwijzingen");

        gp.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Afmelden"))
                .click();
        assertThat(gp.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Aanmelden"))
                        .first())
                .isVisible();
        gp.navigate(platform.gateway() + "/referrals");
        assertThat(gp.locator("input[name=username]")).isVisible();
    }

    @Test
    @Order(9)
    void theAdministratorMarksAServiceFullAndANewReferralIsRoutedPastIt() {
        Page admin = browsers.signIn("admin");
        assertThat(admin.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Managing the social map");
        checkAndPhotograph(admin, "15-admin-overview");
        admin.locator(".cards")
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Services"))
                .click();
        admin.getByLabel("Search").fill("Schuldbemiddeling OCMW Jette");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find"))
                .click();
        // The referrals the tests before made to it through the platform: enough to show its figures.
        assertThat(admin.locator("table")).containsText("Last 90 days");
        assertThat(admin.locator("table tbody")).containsText(Pattern.compile("\\d+ referrals"));
        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Schuldbemiddeling OCMW Jette"))
                .click();
        assertThat(admin.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Schuldbemiddeling OCMW Jette");
        admin.getByLabel("Availability").selectOption("FULL");
        admin.getByLabel("Full until").fill("2027-06-30");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save capacity"))
                .click();
        assertThat(admin.locator("main .meta")).containsText("Full until");
        checkAndPhotograph(admin, "16-admin-service-full");
        for (String screen : List.of(
                "routing-rules?theme=finances&kind=MUNICIPALITY&code=21010",
                "territory?postcode=1050",
                "themes",
                "organisations/ocmw-jette")) {
            admin.navigate(platform.gateway() + "/admin/" + screen);
            assertThat(Browsers.drawn(admin)).isVisible();
            checkAndPhotograph(admin, "17-admin-" + screen.replaceAll("[^a-z-]+.*", ""));
        }

        // On a phone, as a GP between two patients would.
        Page gp = browsers.signIn("gp.jette", Browsers.Screen.PHONE);
        gp.navigate(platform.gateway() + "/referrals/new");
        // Required fields say so, to the eye and to a screen reader.
        assertThat(gp.getByLabel("Postcode")).hasAttribute("aria-required", "true");
        assertThat(gp.locator("legend", new Page.LocatorOptions().setHasText("Thema's")))
                .containsText("(verplicht)");
        // A shared postcode: the panel says it waits for the municipality.
        gp.getByLabel("Financiën en schulden").check();
        gp.getByLabel("Postcode").fill("1050");
        assertThat(gp.locator(".receivers"))
                .containsText("Postcode 1050 ligt in twee gemeenten: kies hierboven de gemeente waar de persoon woont");
        gp.getByLabel("Postcode").fill("1090");
        assertThat(gp.locator(".receivers")).containsText("Energiecel OCMW Jette (voorgesteld)");
        assertThat(gp.locator(".receivers .service-figures").first()).containsText("laatste 90 dagen: ");
        gp.getByText("Over Energiecel OCMW Jette").click();
        assertThat(gp.locator(".about-service[open] .service-details")).containsText("Telefoon");
        assertThat(Browsers.layoutWidth(gp)).isLessThanOrEqualTo(Browsers.Screen.PHONE.width);
        assertThat(Browsers.wordsBrokenAcrossLines(gp, "main")).isEmpty();
        gp.getByText("Waarom deze organisatie?").first().click();
        assertThat(gp.locator(".receivers details.why"))
                .containsText("Schuldbemiddeling OCMW Jette — overgeslagen: voorlopig volzet");
        // A full service cannot be chosen.
        assertThat(gp.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Schuldbemiddeling OCMW Jette")))
                .hasCount(0);
        checkAndPhotograph(gp, "18-gp-routed-past-the-full-service");
    }

    @Test
    @Order(10)
    void aGpReferringThePersonAgainIsToldOfTheOpenReferralBeforeAnythingIsSentAndChooses() throws Exception {
        Page gp = browsers.signIn("gp.jette");
        referLotte(gp, "0470 55 44 33");
        assertThat(gp.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Doorverwijzing verstuurd");
        String organisation = gp.locator(".sent-list li").first().innerText().replaceAll("(?s).*\\((.*)\\)\\s*$", "$1");
        long referrals = lottesReferrals();

        // The same person, her name and number written another way.
        referLotte(gp, "+32 470 55 44 33");

        Locator told = gp.locator(".open-referrals");
        assertThat(gp.getByRole(
                        AriaRole.HEADING,
                        new Page.GetByRoleOptions().setName("Deze persoon heeft al een lopende doorverwijzing")))
                .isFocused();
        assertThat(told).containsText("Er is nog niets verstuurd");
        assertThat(told).containsText("uw doorverwijzing van");
        assertThat(told).containsText("Eenzaamheid en sociaal contact");
        assertThat(told).containsText(organisation);
        checkAndPhotograph(gp, "25-gp-told-of-an-open-referral");
        assertThat(lottesReferrals()).isEqualTo(referrals);

        gp.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Niet doorverwijzen"))
                .click();
        assertThat(told).containsText("Er is niets verstuurd.");
        assertThat(gp.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Nieuwe doorverwijzing");
        assertThat(lottesReferrals()).isEqualTo(referrals);

        gp.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Doorverwijzing versturen"))
                .click();
        gp.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Toch doorverwijzen"))
                .click();
        assertThat(gp.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Doorverwijzing verstuurd");
        assertThat(lottesReferrals()).isEqualTo(referrals + 1);
    }

    @Test
    @Order(11)
    void aGpLogsAReferralMadeByPhoneWithNothingOfThePersonAndSeesItInTheirList() throws Exception {
        long before = RunningPlatform.count("referral", "SELECT count(*) FROM logged_referral");
        Page gp = browsers.signIn("gp.jette");
        gp.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Buiten het platform doorverwezen? Noteer het"))
                .click();
        assertThat(gp.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Een doorverwijzing buiten het platform noteren");
        assertThat(gp.locator("form.logged-form")).not().containsText("Naam");
        gp.getByLabel("Hoe").selectOption("PHONE");
        gp.getByLabel("Wonen").check();
        gp.getByLabel("Postcode").fill("1090");
        Locator organisation = gp.getByLabel("Organisatie", new Page.GetByLabelOptions().setExact(true));
        assertThat(organisation).isVisible();
        organisation.selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(1));
        checkAndPhotograph(gp, "26-gp-logs-a-referral");

        gp.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Noteren"))
                .click();

        assertThat(gp.locator(".confirmation")).hasText("Genoteerd: het telt mee in de cijfers.");
        assertThat(gp.locator("table tbody")).containsText("1090 Jette");
        assertThat(gp.locator("table tbody")).containsText("Telefonisch");
        checkAndPhotograph(gp, "27-gp-logged-referrals");
        assertThat(RunningPlatform.count("referral", "SELECT count(*) FROM logged_referral"))
                .isEqualTo(before + 1);
    }

    @Test
    @Order(12)
    void aServiceForSeniorsIsSkippedForAYoungerPersonAndTheReferrerSeesWhy() throws Exception {
        long before = RunningPlatform.count("referral", OMARS_YEAR_AND_FACTS);
        Page admin = browsers.signIn("admin");
        admin.navigate(platform.gateway() + "/admin/services/ocmw-jette-thuiszorg");
        assertThat(admin.getByLabel("people aged 65 and over")).isChecked();
        assertThat(admin.getByLabel("people with a disability")).isChecked();
        assertThat(admin.getByLabel("families with children")).not().isChecked();
        assertThat(admin.locator("main .meta"))
                .containsText("only people aged 65 and over or people with a disability");
        checkAndPhotograph(admin, "28-admin-who-a-service-is-for");

        Page gp = browsers.signIn("gp.jette");
        gp.navigate(platform.gateway() + "/referrals/new");
        gp.getByLabel("Naam", new Page.GetByLabelOptions().setExact(true)).fill("Omar Haddad");
        gp.getByLabel("Telefoon").fill("0470 66 77 88");
        gp.getByLabel("Postcode").fill("1090");
        assertThat(gp.locator(".municipality")).containsText("Jette");
        gp.getByLabel("Zorg en hulp thuis").check();
        gp.getByLabel("Geboortejaar").fill("1990");
        gp.getByLabel("Heeft een handicap").selectOption("false");

        Locator receivers = gp.locator(".receivers");
        assertThat(receivers)
                .containsText("Thuiszorg en maaltijden OCMW Jette — overgeslagen: niet voor deze persoon"
                        + " (alleen 65-plussers of personen met een handicap)");
        assertThat(gp.getByRole(
                        AriaRole.RADIO, new Page.GetByRoleOptions().setName("Thuiszorg en maaltijden OCMW Jette")))
                .hasCount(0);
        gp.getByText("Waarom deze organisatie?").first().click();
        checkAndPhotograph(gp, "29-gp-routed-past-a-service-for-seniors");

        // Born in 1950: the service for seniors takes him.
        gp.getByLabel("Geboortejaar").fill("1950");
        assertThat(receivers).not().containsText("niet voor deze persoon");
        assertThat(receivers).containsText("Thuiszorg en maaltijden OCMW Jette");
        gp.getByLabel("Vraag", new Page.GetByLabelOptions().setExact(true))
                .fill("Meneer kan zich thuis niet meer redden.");
        gp.getByLabel("De persoon geeft toestemming").check();
        gp.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Doorverwijzing versturen"))
                .click();

        assertThat(gp.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Doorverwijzing verstuurd");
        assertThat(RunningPlatform.count("referral", OMARS_YEAR_AND_FACTS)).isEqualTo(before + 1);
        gp.locator(".sent-list a").first().click();
        assertThat(gp.locator(".details")).containsText("Geboortejaar");
        assertThat(gp.locator(".details")).containsText("1950");
        assertThat(gp.locator(".details")).containsText("Heeft een handicap");
    }

    @Test
    @Order(13)
    void theCoordinatorOfOcmwJetteChecksAListingAndAddsOpeningHoursAndTheAdministratorSeesWhatIsStale()
            throws Exception {
        RunningPlatform.update(
                "directory", "UPDATE service SET checked_on = DATE '2025-01-15' WHERE id = 'ocmw-jette-energiecel'");
        Page coordinator = browsers.signIn("worker.jette");
        coordinator
                .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mijn organisatie"))
                .click();
        assertThat(coordinator.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .containsText("Mijn organisatie");
        assertThat(coordinator.locator("main .notice")).containsText("1 dienst(en) na te kijken");
        checkAndPhotograph(coordinator, "30-coordinator-organisation");

        coordinator
                .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Energiecel OCMW Jette"))
                .click();
        assertThat(coordinator.locator("main .meta")).containsText("na te kijken");
        coordinator
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Alles klopt nog"))
                .click();
        assertThat(coordinator.locator("main .meta")).not().containsText("na te kijken");
        assertThat(
                        RunningPlatform.count(
                                "directory",
                                "SELECT count(*) FROM service WHERE id = 'ocmw-jette-energiecel' AND checked_on = (now() AT TIME ZONE 'Europe/Brussels')::date"))
                .isEqualTo(1);

        Locator added = coordinator.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Opening 8"));
        added.getByLabel("Dag").selectOption("6");
        added.getByLabel("Van").fill("10:00");
        added.getByLabel("Tot").fill("12:00");
        checkAndPhotograph(coordinator, "31-coordinator-keeps-a-listing");
        coordinator
                .getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Bewaren").setExact(true))
                .click();
        assertThat(coordinator.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Opening 9")))
                .isVisible();
        assertThat(
                        RunningPlatform.count(
                                "directory",
                                "SELECT count(*) FROM service_schedule WHERE service_id = 'ocmw-jette-energiecel' AND weekday = 6"))
                .isEqualTo(1);
        assertThat(RunningPlatform.count(
                        "directory",
                        "SELECT count(*) FROM audit_entry WHERE subject_id = 'ocmw-jette-energiecel'"
                                + " AND action IN ('service.checked', 'service.listing-changed')"))
                .isGreaterThanOrEqualTo(2);

        Page admin = browsers.signIn("admin");
        admin.navigate(platform.gateway() + "/admin/stale");
        assertThat(admin.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Due for a check");
        assertThat(admin.locator("table")).not().containsText("Energiecel OCMW Jette");
        checkAndPhotograph(admin, "32-admin-stale-listings");
    }

    private static final String OMARS_YEAR_AND_FACTS = "SELECT count(*) FROM referral WHERE person_name = 'Omar Haddad'"
            + " AND person_year_of_birth = 1950 AND person_facts = '{\"HAS_DISABILITY\": false}'";

    private static long lottesReferrals() throws Exception {
        return RunningPlatform.count("referral", "SELECT count(*) FROM referral WHERE person_name ILIKE '%lotte%'");
    }

    @Test
    @Order(14)
    void aGpGoesThroughJettesQuestionnaireWhichSuggestsThemesAndTheAnalystCountsTheAnswers() throws Exception {
        long before = RunningPlatform.count("referral", "SELECT count(*) FROM referral_answers");
        Page gp = browsers.signIn("gp.jette");
        gp.navigate(platform.gateway() + "/referrals/new");
        gp.getByLabel("Naam", new Page.GetByLabelOptions().setExact(true)).fill("Mia Janssens");
        gp.getByLabel("Telefoon").fill("0470 12 34 99");
        assertThat(gp.locator(".questionnaire")).isEmpty();
        gp.getByLabel("Postcode").fill("1090");
        Locator questionnaire =
                gp.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Welzijnsvragen Jette"));
        assertThat(questionnaire).isVisible();
        questionnaire.getByLabel("Vaak").check();
        questionnaire
                .getByLabel("Ja", new Locator.GetByLabelOptions().setExact(true))
                .check();
        questionnaire.getByLabel("Rekeningen betalen").check();
        assertThat(gp.getByLabel("Welke andere nood?")).isHidden();
        questionnaire.getByLabel("Iets anders").check();
        gp.getByLabel("Welke andere nood?").fill("Zoekt een moestuintje");
        // The answer "lives alone" fills in the fact, where the referrer sees it.
        assertThat(gp.getByLabel("Woont alleen")).hasValue("true");
        // Suggested, not yet chosen: the referrer confirms.
        assertThat(gp.getByLabel("Eenzaamheid en sociaal contact")).not().isChecked();
        assertThat(gp.locator(".suggested-themes"))
                .containsText("Eenzaamheid en sociaal contact, Financiën en schulden");
        checkAndPhotograph(gp, "35-gp-zone-questionnaire");
        gp.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Deze thema's aanvinken"))
                .click();
        assertThat(gp.getByLabel("Eenzaamheid en sociaal contact")).isChecked();
        assertThat(gp.getByLabel("Financiën en schulden")).isChecked();
        gp.getByLabel("Vraag", new Page.GetByLabelOptions().setExact(true)).fill("Mevrouw is veel alleen.");
        gp.getByLabel("De persoon geeft toestemming").check();
        gp.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Doorverwijzing versturen"))
                .click();

        assertThat(gp.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Doorverwijzing verstuurd");
        assertThat(RunningPlatform.count("referral", "SELECT count(*) FROM referral_answers"))
                .as("one row per referral: one per theme's receiver")
                .isGreaterThan(before);
        gp.locator(".sent-list a").first().click();
        Locator answers = gp.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Vragenlijst van de zone"));
        assertThat(answers).containsText("Hoe vaak voelt u zich alleen?");
        assertThat(answers).containsText("Vaak");
        assertThat(answers).containsText("Zoekt een moestuintje");

        Page analyst = browsers.signIn("analyst.bruzel");
        // In the language the analyst's browser shows, Dutch or French: the questionnaire's own words in it.
        Locator needs = analyst.getByRole(
                        AriaRole.REGION,
                        new Page.GetByRoleOptions()
                                .setName(Pattern.compile("(Réponses au questionnaire|Antwoorden op de vragenlijst)")))
                // The section, not its table (a region of the same name).
                .first();
        // Counted once statistics-service has the event.
        reloadUntil(analyst, () -> {
            assertThat(needs.locator("thead")).containsText(Pattern.compile("Autres besoins|Andere noden"));
        });
        assertThat(needs.locator("thead")).containsText(Pattern.compile("Payer les factures|Rekeningen betalen"));
        assertThat(needs).not().containsText("moestuintje");
        checkAndPhotograph(analyst, "36-analyst-questionnaire-answers");
    }

    @Test
    @Order(15)
    void theAdministratorWritesGanshorensQuestionnaireAsADraftAndPublishesIt() throws Exception {
        String stored = "SELECT count(*) FROM questionnaire_version WHERE code = 'welzijn-ganshoren'";
        Page admin = browsers.signIn("admin");
        admin.navigate(platform.gateway() + "/admin/questionnaires");
        assertThat(admin.locator("main table")).containsText("welzijn-jette");
        Locator editor = admin.locator("form.questionnaire-editor");
        editor.getByLabel("Code").first().fill("welzijn-ganshoren");
        editor.getByLabel("Title (Dutch)").fill("Welzijnsvragen Ganshoren");
        editor.getByLabel("Ganshoren").check();
        Locator question = editor.getByRole(
                AriaRole.GROUP,
                new Locator.GetByRoleOptions().setName("Question 1").setExact(true));
        question.getByLabel("Code").first().fill("money");
        question.getByLabel("Text (Dutch)").first().fill("Lukt het om rond te komen?");
        question.getByLabel("Text (French)").first().fill("Arrivez-vous à joindre les deux bouts ?");
        for (String[] answer : new String[][] {{"1", "money-short", "Nee", "Non"}, {"2", "money-fine", "Ja", "Oui"}}) {
            Locator option = question.getByRole(
                    AriaRole.GROUP, new Locator.GetByRoleOptions().setName("Question 1, answer " + answer[0]));
            option.getByLabel("Code").fill(answer[1]);
            option.getByLabel("Text (Dutch)").fill(answer[2]);
            option.getByLabel("Text (French)").fill(answer[3]);
        }
        question.getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions().setName("Question 1, answer 1"))
                .getByLabel("Money and debts")
                .check();
        // Another answer, typed into and removed again: what was typed elsewhere stays.
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add an answer to question 1"))
                .click();
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove answer 3 of question 1"))
                .click();
        assertThat(question.getByLabel("Text (Dutch)").first()).hasValue("Lukt het om rond te komen?");

        // Without a French title: refused, named next to the field, nothing stored.
        editor.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save"))
                .click();
        assertThat(admin.locator("[data-field='title.fr'] .error-message")).isVisible();
        assertThat(RunningPlatform.count("referral", stored)).isZero();
        checkAndPhotograph(admin, "37-admin-questionnaire-editor");

        editor.getByLabel("Title (French)").fill("Questions de bien-être Ganshoren");
        editor.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save"))
                .click();
        assertThat(admin.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Welzijnsvragen Ganshoren · version 1");
        assertThat(admin.locator("main .meta")).containsText("draft");
        assertThat(RunningPlatform.count("referral", stored)).isEqualTo(1);

        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish"))
                .click();
        assertThat(admin.locator("main .meta")).containsText("asked from");
        assertThat(admin.locator("main .meta")).containsText("Ganshoren");
        assertThat(admin.locator("ol.questions")).containsText("Nee → Money and debts");
        assertThat(admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")))
                .hasCount(0);
        checkAndPhotograph(admin, "38-admin-questionnaire-published");
        assertThat(
                        RunningPlatform.count(
                                "referral",
                                "SELECT count(*) FROM questionnaire_version WHERE code = 'welzijn-ganshoren' AND status = 'PUBLISHED'"))
                .isEqualTo(1);
    }

    /** Fills in and sends a referral of Lotte Dubois in Jette on loneliness, her name written as her phone is. */
    @Test
    @Order(16)
    void aPersonWhoAgreedIsMailedALinkAndSaysOnTheirPhoneHowItWentOnceAndTheGpReadsIt() throws Exception {
        String email = "sara-" + UUID.randomUUID() + "@example.org";
        Page gp = browsers.signIn("gp.jette");
        gp.navigate(platform.gateway() + "/referrals/new");
        gp.getByLabel("Naam", new Page.GetByLabelOptions().setExact(true)).fill("Sara Claes");
        gp.getByLabel("E-mail", new Page.GetByLabelOptions().setExact(true)).fill(email);
        gp.getByLabel("Postcode").fill("1090");
        assertThat(gp.locator(".municipality")).containsText("Jette");
        gp.getByLabel("Eenzaamheid en sociaal contact").check();
        gp.getByLabel("Vraag", new Page.GetByLabelOptions().setExact(true)).fill("Mevrouw voelt zich alleen.");
        gp.getByLabel("De persoon geeft toestemming").check();
        gp.getByLabel(Pattern.compile("^De persoon gaat akkoord dat het platform achteraf zelf vraagt"))
                .check();
        gp.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Doorverwijzing versturen"))
                .click();
        assertThat(gp.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Doorverwijzing verstuurd");
        String id = referralOf(email);
        String worker = platform.token(RunningPlatform.workerFor(id));
        for (String[] action : new String[][] {{"accept", "{}"}, {"complete", "{\"outcome\": \"SOLVED\"}"}}) {
            HttpResponse<String> done = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(
                                            URI.create(platform.gateway() + "/api/referrals/" + id + "/" + action[0]))
                                    .header("Authorization", "Bearer " + worker)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(action[1]))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> mailTo(email) != null);
        String text = GreenMailUtil.getBody(mailTo(email)).replace("=\r\n", "");
        Matcher link = Pattern.compile("(http\\S+/p#[A-Za-z0-9_-]{48})").matcher(text);
        assertThat(link.find()).as(text).isTrue();

        Page person = browsers.on(Browsers.Screen.PHONE).newPage();
        person.navigate(link.group(1));
        assertThat(person.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Hoe verliep het?");
        assertThat(person.locator("#account a.button")).isHidden();
        assertThat(person.locator("main")).containsText("verwees");
        person.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Versturen"))
                .click();
        assertThat(person.locator(".error-summary")).isVisible();
        assertThat(person.locator("[data-field=contacted] .error-message")).hasText("Kies Ja of Nee.");
        assertThat(count("SELECT count(*) FROM person_survey WHERE referral_id = ? AND answered_at IS NOT NULL", id))
                .as("a refused answer stores nothing")
                .isZero();
        person.getByLabel("Ja", new Page.GetByLabelOptions().setExact(true)).check();
        person.getByRole(
                        AriaRole.RADIO,
                        new Page.GetByRoleOptions().setName("Tevreden").setExact(true))
                .check();
        person.getByLabel("Wilt u nog iets zeggen?").fill("Vriendelijk en snel geholpen.");
        checkAndPhotograph(person, "39-person-says-how-it-went");
        person.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Versturen"))
                .click();
        assertThat(person.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Dank u wel!");
        checkAndPhotograph(person, "40-person-thanked");

        person.reload();
        assertThat(person.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("U hebt al geantwoord");
        person.navigate(link.group(1).substring(0, link.group(1).length() - 4) + "AAAA");
        assertThat(person.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Deze link werkt niet");
        checkAndPhotograph(person, "41-person-link-that-does-not-work");
        assertThat(count(
                        "SELECT count(*) FROM referral_step WHERE referral_id = ? AND step = 'PERSON_SAYS_CONTACTED'",
                        id))
                .isEqualTo(1);

        gp.navigate(platform.gateway() + "/referrals/" + id);
        assertThat(gp.locator(".timeline")).containsText("De persoon zegt: gecontacteerd · tevredenheid 4/5");
        assertThat(gp.locator(".timeline")).containsText("Vriendelijk en snel geholpen.");
        assertThat(gp.locator(".timeline")).containsText("De persoon gevraagd hoe het ging · E-mail");
    }

    @Test
    @Order(17)
    void theAnalystAnswersTheUsabilitySurveyOnceAndPrintsTheSixteenIndicators() throws Exception {
        Page analyst = browsers.signIn("analyst.bruzel");
        Locator offer = analyst.locator("#offer");
        analyst.locator("#language").selectOption("fr");
        assertThat(offer).containsText("Aidez à améliorer la plateforme");
        analyst.locator("#language").selectOption("nl");
        // Drawn again in the language chosen.
        assertThat(offer).containsText("Help het platform beter te maken");
        offer.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Nu invullen"))
                .click();
        assertThat(analyst.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Hoe gebruiksvriendelijk is het platform?");
        long answered = RunningPlatform.count("statistics", "SELECT count(*) FROM usability_response");
        analyst.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Versturen"))
                .click();
        assertThat(analyst.locator(".error-summary")).containsText("Geef tien antwoorden, elk van 1 tot 5.");
        assertThat(RunningPlatform.count("statistics", "SELECT count(*) FROM usability_response"))
                .as("a refused answer stores nothing")
                .isEqualTo(answered);
        for (int statement = 0; statement < 10; statement++) {
            analyst.locator("[data-field='answers." + statement + "']")
                    .getByLabel(statement % 2 == 0 ? "Eens" : "Oneens", new Locator.GetByLabelOptions().setExact(true))
                    .check();
        }
        checkAndPhotograph(analyst, "42-usability-survey");
        analyst.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Versturen"))
                .click();
        assertThat(analyst.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Dank u wel!");
        assertThat(RunningPlatform.count("statistics", "SELECT count(*) FROM usability_response WHERE score = 75"))
                .isGreaterThanOrEqualTo(1);

        analyst.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Cijfers"))
                .click();
        analyst.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("De 16 indicatoren op één pagina"))
                .click();
        assertThat(analyst.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("De 16 indicatoren van BruZEL");
        assertThat(analyst.locator("#offer")).isEmpty();
        assertThat(analyst.locator(".indicator")).hasCount(16);
        assertThat(analyst.locator(".indicator").nth(6)).containsText("7. Aantal doorverwijzingen");
        assertThat(analyst.locator(".indicator").nth(3)).containsText("Niet gemeten door het platform");
        checkAndPhotograph(analyst, "43-indicators");
        analyst.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        assertThat(analyst.locator("form.filters")).isHidden();
        assertThat(analyst.locator("header.top")).isHidden();
        assertThat(analyst.locator(".indicator").first()).isVisible();
        analyst.screenshot(new Page.ScreenshotOptions()
                .setFullPage(true)
                .setPath(SCREENSHOTS.resolve("44-indicators-printed.png")));
        analyst.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));
        Download csv = analyst.waitForDownload(
                () -> analyst.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Download als CSV"))
                        .click());
        assertThat(Files.readString(csv.path(), StandardCharsets.UTF_8))
                .startsWith("\uFEFFIndicator;Naam;Cijfer;Waarde;")
                .contains("7;Aantal doorverwijzingen;Verstuurd;");
    }

    /** The referral made for the person with this e-mail address. */
    private static String referralOf(String email) throws Exception {
        return TestInfrastructure.text("referral", "SELECT id::text FROM referral WHERE person_email = ?", email);
    }

    private static MimeMessage mailTo(String address) throws Exception {
        for (MimeMessage mail : mailbox.getReceivedMessages()) {
            if (java.util.Arrays.stream(mail.getAllRecipients())
                    .anyMatch(to -> to.toString().equals(address))) {
                return mail;
            }
        }
        return null;
    }

    private static long count(String sql, String id) throws Exception {
        return RunningPlatform.count("referral", sql.replace("= ?", "= ?::uuid"), id);
    }

    private static void referLotte(Page gp, String phone) {
        gp.navigate(platform.gateway() + "/referrals/new");
        String name = phone.startsWith("+") ? "DUBOIS, Lotte" : "Lotte Dubois";
        gp.getByLabel("Naam", new Page.GetByLabelOptions().setExact(true)).fill(name);
        gp.getByLabel("Telefoon").fill(phone);
        gp.getByLabel("Postcode").fill("1090");
        assertThat(gp.locator(".municipality")).containsText("Jette");
        gp.getByLabel("Eenzaamheid en sociaal contact").check();
        gp.getByLabel("Vraag", new Page.GetByLabelOptions().setExact(true)).fill("Mevrouw ziet bijna niemand meer.");
        gp.getByLabel("De persoon geeft toestemming").check();
        gp.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Doorverwijzing versturen"))
                .click();
    }

    /**
     * Submits one referral in the first of Jette's neighbours that has none this year, so that its count is too
     * small to show; its NIS code.
     */
    private static String aMunicipalityWithOneReferral(String token) throws Exception {
        for (Map.Entry<String, String> neighbour :
                Map.of("1083", "21008", "1081", "21011", "1082", "21003").entrySet()) {
            if (RunningPlatform.count(
                            "statistics",
                            "SELECT count(*) FROM statistics_referral WHERE municipality_nis = ?",
                            neighbour.getValue())
                    == 0) {
                Browsers.submitThroughTheApi(platform.gateway(), token, neighbour.getKey());
                return neighbour.getValue();
            }
        }
        throw new IllegalStateException("Ganshoren, Koekelberg and Berchem all have referrals already");
    }

    /** Jette's referrals over the last twelve months, as the statistics API publishes them to this analyst. */
    private long publishedJetteCount(String token) throws Exception {
        String report = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                        platform.gateway() + "/api/statistics/referrals?by=municipality"))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString())
                .body();
        List<Map<String, Object>> jette = com.jayway.jsonpath.JsonPath.read(report, "$.rows[?(@.group == '21010')]");
        return jette.stream()
                .filter(row -> row.get("period") == null)
                .map(row -> ((Number) ((Map<?, ?>) row.get("figures")).get("submitted")).longValue())
                .findFirst()
                .orElseThrow();
    }

    /**
     * A page shows what its service holds when it is opened, and what comes through Kafka arrives a moment later:
     * the page is opened again, as a person would, until it shows it.
     */
    private static void reloadUntil(Page page, ThrowingRunnable shown) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> {
                    page.reload();
                    shown.run();
                });
    }

    /**
     * On a desktop (1280×900) and on a phone (390×844): no WCAG 2.1 A or AA violation that axe-core finds, nothing
     * wider than the screen, no word squeezed letter by letter; a full-page picture of each for people to look at.
     */
    private static void checkAndPhotograph(Page page, String name) {
        page.waitForLoadState();
        // Evaluated from outside, as the page's own policy allows no inline script.
        page.evaluate(AXE);
        ViewportSize asOpened = page.viewportSize();
        for (Browsers.Screen screen : List.of(Browsers.Screen.DESKTOP, Browsers.Screen.PHONE)) {
            page.setViewportSize(screen.width, screen.height);
            String shown = name + "-" + screen.name().toLowerCase(Locale.ROOT);
            Object violations = page.evaluate("""
                    async () => (await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}}))
                        .violations.map(v => `${v.id}: ${v.help} at ${v.nodes.map(n => n.target.join(' ')).join(', ')}`)""");
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve(shown + ".png"))
                    .setFullPage(true));
            assertThat((List<?>) violations).as("accessibility of %s", shown).isEmpty();
            assertThat(Browsers.layoutWidth(page))
                    .as("%s: nothing cut off or scrolling sideways", shown)
                    .isLessThanOrEqualTo(screen.width);
            assertThat(Browsers.wordsBrokenAcrossLines(page, "main"))
                    .as("%s: words squeezed letter by letter", shown)
                    .isEmpty();
        }
        page.setViewportSize(asOpened.width, asOpened.height);
        assertThat((List<?>) page.evaluate("() => [...window.missingTranslations]"))
                .as("texts missing on %s", name)
                .isEmpty();
        assertThat((List<?>) page.evaluate("() => [...window.policyViolations]"))
                .as("what the Content-Security-Policy blocked on %s", name)
                .isEmpty();
    }

    private static String axeCore() {
        try (InputStream script = WebApplicationIT.class.getResourceAsStream(
                "/" + new WebJarVersionLocator().fullPath("axe-core", "axe.min.js"))) {
            return new String(script.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException missing) {
            throw new IllegalStateException("axe-core is not on the test class path", missing);
        }
    }
}
