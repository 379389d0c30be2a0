package be.bruzel.platformtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * What the gateway adds to a call: the same call made through the gateway and straight to the service, one at a
 * time, the two alternated (and which goes first too), so that both meet the same machine. Through the gateway the
 * GP's token is exchanged for the service's and the caller's rate limit counted; straight, the service gets a token
 * issued for it.
 */
record GatewayOverhead(String gateway, String gatewayBearer, String service, String serviceBearer) {

    static final int WARM_UP = 200;
    static final int MEASURED = 1_000;
    static final double TARGET_PERCENT = 15;

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Latencies through the gateway and straight to the service, in microseconds. */
    record Compared(String call, Histogram throughGateway, Histogram straight) {

        double addedMicros() {
            return throughGateway.getValueAtPercentile(50) - straight.getValueAtPercentile(50);
        }

        double addedPercent() {
            return 100.0 * addedMicros() / straight.getValueAtPercentile(50);
        }

        void print() {
            Latencies.print(call + ", through the gateway", throughGateway, "calls");
            Latencies.print(call + ", to the service", straight, "calls");
            System.out.printf(
                    Locale.ROOT,
                    "%-36s %+.2f ms at p50 = %+.0f%% (target <= %.0f%%: %s)%n",
                    "the gateway adds",
                    addedMicros() / 1e3,
                    addedPercent(),
                    TARGET_PERCENT,
                    addedPercent() <= TARGET_PERCENT ? "met" : "NOT met");
        }
    }

    /** A GP submits a referral (201). */
    Compared submission() throws IOException, InterruptedException {
        return compare("submission", ReferralLoad::submission, 201);
    }

    /** The GP reads back the referral they submitted (200; each read is a row in the access log). */
    Compared read() throws IOException, InterruptedException {
        String id = ReferralLoad.firstReferralId(
                send(ReferralLoad.submission(gateway, gatewayBearer), 201).body());
        return compare(
                "referral read",
                (base, bearer) -> HttpRequest.newBuilder(URI.create(base + "/api/referrals/" + id))
                        .header("Authorization", bearer)
                        .build(),
                200);
    }

    private interface Call {
        HttpRequest to(String base, String bearer);
    }

    private Compared compare(String what, Call call, int expected) throws IOException, InterruptedException {
        Histogram throughGateway = new Histogram(3);
        Histogram straight = new Histogram(3);
        for (int i = 0; i < WARM_UP + MEASURED; i++) {
            boolean gatewayFirst = i % 2 == 0;
            for (boolean viaGateway : new boolean[] {gatewayFirst, !gatewayFirst}) {
                HttpRequest next = viaGateway ? call.to(gateway, gatewayBearer) : call.to(service, serviceBearer);
                long start = System.nanoTime();
                send(next, expected);
                long micros = (System.nanoTime() - start) / 1_000;
                if (i >= WARM_UP) {
                    (viaGateway ? throughGateway : straight).recordValue(micros);
                }
            }
        }
        return new Compared(what, throughGateway, straight);
    }

    private HttpResponse<String> send(HttpRequest request, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(
                    request.method() + " " + request.uri() + ": " + response.statusCode() + " " + response.body());
        }
        return response;
    }
}
