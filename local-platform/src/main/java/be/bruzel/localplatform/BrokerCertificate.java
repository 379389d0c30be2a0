package be.bruzel.localplatform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The broker's own TLS certificate for {@code localhost}, self-signed, made once with the JDK's
 * keytool and kept beside the broker's log: a PKCS#12 key store for the broker, and the certificate
 * in PEM for its clients to trust (Kafka reads PEM trust stores).
 *
 * @param keyStore the broker's key and certificate (PKCS#12)
 * @param password of the key store and its key
 * @param certificate what clients trust (PEM)
 */
record BrokerCertificate(Path keyStore, String password, Path certificate) {

    static BrokerCertificate ensure(Path directory) throws IOException, InterruptedException {
        Files.createDirectories(directory);
        Path keyStore = directory.resolve("broker.p12");
        Path passwordFile = directory.resolve("broker.p12.password");
        Path certificate = directory.resolve("broker.pem");
        if (!Files.exists(keyStore) || !Files.exists(passwordFile) || !Files.exists(certificate)) {
            Files.deleteIfExists(keyStore);
            String password = Secrets.random();
            keytool(
                    "-genkeypair",
                    "-alias",
                    "broker",
                    "-keyalg",
                    "EC",
                    "-groupname",
                    "secp256r1",
                    "-dname",
                    "CN=localhost",
                    "-ext",
                    "san=dns:localhost,ip:127.0.0.1",
                    "-validity",
                    "3650",
                    "-storetype",
                    "PKCS12",
                    "-keystore",
                    keyStore.toString(),
                    "-storepass",
                    password,
                    "-keypass",
                    password);
            keytool(
                    "-exportcert",
                    "-rfc",
                    "-alias",
                    "broker",
                    "-keystore",
                    keyStore.toString(),
                    "-storepass",
                    password,
                    "-file",
                    certificate.toString());
            Files.writeString(passwordFile, password, StandardCharsets.UTF_8);
        }
        return new BrokerCertificate(
                keyStore, Files.readString(passwordFile, StandardCharsets.UTF_8).strip(), certificate);
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IOException("keytool " + arguments[0] + " failed: " + output);
        }
    }
}
