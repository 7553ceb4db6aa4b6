package com.nettoria.command.identity.adapter.crypto;

import org.junit.jupiter.api.Test;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HmacSecretCodesTest {

    /** 00 01 … 1f. */
    static final byte[] KEY = Base64.getDecoder().decode("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");

    private final HmacSecretCodes codes = new HmacSecretCodes(KEY, seeded(42));

    @Test
    void aSealedSecretOpensWithTheSameKeyAndDoesNotShowTheSecret() {
        String sealed = codes.seal("JBSWY3DPEHPK3PXP");

        assertThat(sealed).startsWith("v1.").doesNotContain("JBSWY3DPEHPK3PXP");
        assertThat(codes.seal("JBSWY3DPEHPK3PXP")).isNotEqualTo(sealed);
        assertThat(new HmacSecretCodes(KEY).unseal(sealed)).isEqualTo("JBSWY3DPEHPK3PXP");
    }

    @Test
    void aSealedSecretDoesNotOpenWithAnotherKeyOrWhenChanged() {
        String sealed = codes.seal("JBSWY3DPEHPK3PXP");
        byte[] otherKey = KEY.clone();
        otherKey[0] ^= 1;
        char last = sealed.charAt(sealed.length() - 1);
        String changed = sealed.substring(0, sealed.length() - 1) + (last == 'A' ? 'B' : 'A');

        assertThatThrownBy(() -> new HmacSecretCodes(otherKey).unseal(sealed)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> codes.unseal(changed)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> codes.unseal("JBSWY3DPEHPK3PXP")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void numericCodesHaveExactlyTheDigitsAskedFor() {
        for (int digits = 1; digits <= 10; digits++) {
            assertThat(codes.newNumericCode(digits)).hasSize(digits).containsOnlyDigits();
        }
        assertThat(codes.newNumericCode(6)).matches("\\d{6}");
    }

    @Test
    void numericCodesUseEveryDigitIncludingLeadingZeros() {
        Set<Character> firstDigits = new HashSet<>();
        IntStream.range(0, 500).forEach(i -> firstDigits.add(codes.newNumericCode(6).charAt(0)));

        assertThat(firstDigits).containsExactlyInAnyOrder('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
    }

    @Test
    void refusesCodesWithoutDigitsOrLongerThanALong() {
        assertThatThrownBy(() -> codes.newNumericCode(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> codes.newNumericCode(19)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tokensAre256RandomBitsInUrlSafeBase64() {
        String token = codes.newToken();

        assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]{43}");
        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
        assertThat(codes.newToken()).isNotEqualTo(token);
    }

    @Test
    void recoveryCodesAreThreeGroupsOfFourUnambiguousCharacters() {
        for (int i = 0; i < 200; i++) {
            assertThat(codes.newRecoveryCode()).matches("[2-9a-hjkmnp-z]{4}-[2-9a-hjkmnp-z]{4}-[2-9a-hjkmnp-z]{4}");
        }
        assertThat(HmacSecretCodes.RECOVERY_ALPHABET).doesNotContain("0", "o", "1", "l", "i").hasSize(31);
    }

    @Test
    void recoveryCodesDrawOnTheWholeAlphabet() {
        Set<Character> seen = new HashSet<>();
        IntStream.range(0, 300).forEach(i -> codes.newRecoveryCode().chars()
                .filter(c -> c != '-').forEach(c -> seen.add((char) c)));

        assertThat(seen).hasSize(HmacSecretCodes.RECOVERY_ALPHABET.length());
    }

    @Test
    void hashesAreHmacSha256InUrlSafeBase64() {
        // Python: base64.urlsafe_b64encode(hmac.new(bytes(range(32)), b"123456", hashlib.sha256).digest())
        assertThat(codes.hash("123456")).isEqualTo("i6U59fkyw_yKZ8K4ZuJbvDJmN_PGyIt7DitmbjyzMGY");
    }

    @Test
    void theSameKeyGivesTheSameHashAfterARestart() {
        HmacSecretCodes afterRestart = new HmacSecretCodes(KEY.clone());

        assertThat(afterRestart.hash("7kq2-mx9p-4tr8")).isEqualTo(codes.hash("7kq2-mx9p-4tr8"));
        assertThat(afterRestart.matches("123456", codes.hash("123456"))).isTrue();
    }

    @Test
    void anotherKeyGivesAnotherHash() {
        byte[] other = KEY.clone();
        other[0] ^= 1;

        assertThat(new HmacSecretCodes(other).hash("123456")).isNotEqualTo(codes.hash("123456"));
    }

    @Test
    void matchesOnlyTheSecretThatWasHashed() {
        String hash = codes.hash("493017");

        assertThat(codes.matches("493017", hash)).isTrue();
        assertThat(codes.matches("493018", hash)).isFalse();
        assertThat(codes.matches("493017", hash.substring(1))).isFalse();
        assertThat(codes.matches("493017", null)).isFalse();
        assertThat(codes.matches(null, hash)).isFalse();
    }

    @Test
    void refusesKeysShorterThan32Bytes() {
        assertThatThrownBy(() -> new HmacSecretCodes(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }

    static SecureRandom seeded(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
