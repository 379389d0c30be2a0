package be.bruzel.referralservice.personvoice;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * The links sent to persons: {@code <web-url>/p#<token>}, the token being the link's id and its end, signed
 * (HMAC-SHA-256, the first 16 bytes), in 48 URL-safe characters: short enough for an SMS. Behind {@code #} the token
 * never reaches a server's access log; the page hands it over in a header. A token that does not hold its signature
 * is forged (or mistyped) and is refused before the database is asked.
 */
@Component
class SurveyLinks {

    static final String PAGE = "/p";
    private static final String ALGORITHM = "HmacSHA256";
    private static final int ID = 16;
    /** Seconds since 1970, unsigned: enough until 2106. */
    private static final int UNTIL = 4;

    private static final int SIGNATURE = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    /** A token that holds its signature: which link, and until when it works. */
    record Link(UUID id, Instant expiresAt) {}

    private final SecretKeySpec key;
    private final String page;

    SurveyLinks(PersonVoiceSettings settings) {
        this.key = new SecretKeySpec(settings.signingKey().getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.page = settings.webUrl().toString().replaceAll("/+$", "") + PAGE + "#";
    }

    String linkTo(Link link) {
        return page + token(link);
    }

    String token(Link link) {
        ByteBuffer body = ByteBuffer.allocate(ID + UNTIL)
                .putLong(link.id().getMostSignificantBits())
                .putLong(link.id().getLeastSignificantBits())
                .putInt((int) link.expiresAt().getEpochSecond());
        byte[] signed = Arrays.copyOf(body.array(), ID + UNTIL + SIGNATURE);
        System.arraycopy(signature(body.array()), 0, signed, ID + UNTIL, SIGNATURE);
        return ENCODER.encodeToString(signed);
    }

    /** The link a token names, if it was signed here; none for anything else, whatever its shape. */
    Optional<Link> read(String token) {
        if (token == null || token.length() != 48) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        byte[] body = Arrays.copyOf(bytes, ID + UNTIL);
        byte[] given = Arrays.copyOfRange(bytes, ID + UNTIL, bytes.length);
        if (!MessageDigest.isEqual(given, signature(body))) {
            return Optional.empty();
        }
        ByteBuffer read = ByteBuffer.wrap(body);
        return Optional.of(new Link(
                new UUID(read.getLong(), read.getLong()),
                Instant.ofEpochSecond(Integer.toUnsignedLong(read.getInt()))));
    }

    private byte[] signature(byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(body), SIGNATURE);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
