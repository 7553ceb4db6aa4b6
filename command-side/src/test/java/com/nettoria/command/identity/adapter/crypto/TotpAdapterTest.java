package com.nettoria.command.identity.adapter.crypto;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TotpAdapterTest {

    /** RFC 6238 appendix B: the ASCII bytes of "12345678901234567890", here in base32. */
    private static final String RFC_SECRET = new Base32().encodeAsString("12345678901234567890".getBytes(StandardCharsets.US_ASCII));
    private static final long NEVER_USED = -1;

    private final TotpAdapter totp = new TotpAdapter();

    @ParameterizedTest(name = "at {0} s the code is {1}")
    @CsvSource({
            "59,          287082",
            "1111111109,  081804",
            "1111111111,  050471",
            "1234567890,  005924",
            "2000000000,  279037",
            "20000000000, 353130"})
    void acceptsRfc6238sSha1TestVectorsCutToSixDigitsAndNamesTheirTimeStep(long epochSecond, String code) {
        OptionalLong step = totp.verify(RFC_SECRET, code, Instant.ofEpochSecond(epochSecond), NEVER_USED);

        assertThat(step).hasValue(epochSecond / 30);
    }

    @Test
    void theRfcSecretIsTheOneOfTheStandard() {
        assertThat(RFC_SECRET).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    }

    @Test
    void acceptsTheCodeOfTheStepBeforeForAClockThatIsBehind() {
        assertThat(totp.verify(RFC_SECRET, "081804", Instant.ofEpochSecond(1111111109 + 30), NEVER_USED))
                .hasValue(37037036);
    }

    @Test
    void acceptsTheCodeOfTheStepAfterForAClockThatIsAhead() {
        assertThat(totp.verify(RFC_SECRET, "081804", Instant.ofEpochSecond(1111111109 - 30), NEVER_USED))
                .hasValue(37037036);
    }

    @Test
    void refusesACodeTwoStepsOld() {
        assertThat(totp.verify(RFC_SECRET, "081804", Instant.ofEpochSecond(1111111109 + 60), NEVER_USED)).isEmpty();
    }

    @Test
    void refusesACodeWhoseStepWasUsedAlready() {
        Instant now = Instant.ofEpochSecond(1111111109);

        assertThat(totp.verify(RFC_SECRET, "081804", now, 37037035)).hasValue(37037036);
        assertThat(totp.verify(RFC_SECRET, "081804", now, 37037036)).isEmpty();
    }

    @Test
    void refusesAnOlderCodeAfterANewerOneWasUsed() {
        Instant now = Instant.ofEpochSecond(1111111111);

        assertThat(totp.verify(RFC_SECRET, "081804", now, 37037037)).isEmpty();
    }

    @Test
    void refusesAWrongCode() {
        assertThat(totp.verify(RFC_SECRET, "081805", Instant.ofEpochSecond(1111111109), NEVER_USED)).isEmpty();
    }

    @Test
    void refusesWhatIsNotSixDigitsButForgivesSpaces() {
        Instant now = Instant.ofEpochSecond(1111111109);

        assertThat(totp.verify(RFC_SECRET, "081 804", now, NEVER_USED)).hasValue(37037036);
        assertThat(totp.verify(RFC_SECRET, "07081804", now, NEVER_USED)).isEmpty();
        assertThat(totp.verify(RFC_SECRET, "81804", now, NEVER_USED)).isEmpty();
        assertThat(totp.verify(RFC_SECRET, "O81804", now, NEVER_USED)).isEmpty();
        assertThat(totp.verify(RFC_SECRET, "", now, NEVER_USED)).isEmpty();
        assertThat(totp.verify(RFC_SECRET, null, now, NEVER_USED)).isEmpty();
    }

    @Test
    void newSecretsAre160RandomBitsInBase32() {
        String secret = totp.newSecret();

        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(new Base32().decode(secret)).hasSize(20);
        assertThat(totp.newSecret()).isNotEqualTo(secret);
    }

    @Test
    void aNewSecretVerifiesTheCodeItsAuthenticatorShows() throws Exception {
        String secret = totp.newSecret();
        Instant now = Instant.ofEpochSecond(1_760_000_000L);
        String shown = new dev.samstevens.totp.code.DefaultCodeGenerator().generate(secret, TotpAdapter.timeStep(now));

        assertThat(totp.verify(secret, shown, now, NEVER_USED)).hasValue(TotpAdapter.timeStep(now));
    }

    @Test
    void theOtpauthUriNamesNettoriaAndTheAccountWithTheStandardSettings() {
        assertThat(totp.otpauthUri(RFC_SECRET, "sara@example.com")).isEqualTo(
                "otpauth://totp/Nettoria%3Asara%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                        + "&issuer=Nettoria&algorithm=SHA1&digits=6&period=30");
    }

    @Test
    void theQrCodeIsAPngDataUriThatReadsBackAsTheOtpauthUri() throws Exception {
        String uri = totp.otpauthUri(RFC_SECRET, "sara@example.com");

        String dataUri = totp.qrImageDataUri(uri);

        assertThat(dataUri).startsWith("data:image/png;base64,");
        byte[] png = Base64.getDecoder().decode(dataUri.substring("data:image/png;base64,".length()));
        var image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(350);
        var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        assertThat(new QRCodeReader().decode(bitmap).getText()).isEqualTo(uri);
    }

    @Test
    void drawsQrCodesOfOtpauthUrisOnly() {
        assertThatThrownBy(() -> totp.qrImageDataUri("https://evil.example/phish"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
