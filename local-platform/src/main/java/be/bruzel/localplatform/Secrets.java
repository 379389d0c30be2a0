package be.bruzel.localplatform;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Passwords that {@code ./run} makes for itself, once, and keeps in its data folder. */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {}

    /** 128 random bits, in hexadecimal. */
    static String random() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
