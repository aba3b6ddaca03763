package io.osmigrate.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Secrets echoed by drivers, whole or cut short, are masked. */
class SecretsTest {

    private static final String HASH = "$1$0123456789abcdeffedcba9876543210";

    @Test
    void theWholeSecretAndAnyLongFragmentOfItAreMasked() {
        assertThat(Secrets.maskFragments("Failing row contains (7, anna, " + HASH + ", t).", HASH, 8))
                .isEqualTo("Failing row contains (7, anna, ***, t).");
        assertThat(Secrets.maskFragments("Truncated value: '" + HASH.substring(0, 10) + "'.", HASH, 8))
                .isEqualTo("Truncated value: '***'.");
        assertThat(Secrets.maskFragments("tail " + HASH.substring(20) + " end", HASH, 8)).isEqualTo("tail *** end");
    }

    @Test
    void shortCommonRunsAndOtherTextStay() {
        assertThat(Secrets.maskFragments("column PASSWORD of user $1$ 0123 abc", HASH, 8))
                .isEqualTo("column PASSWORD of user $1$ 0123 abc");
        assertThat(Secrets.maskFragments("no secret here", null, 8)).isEqualTo("no secret here");
        assertThat(Secrets.maskFragments("pw=abc!", "abc", 8)).as("a short secret is masked whole").isEqualTo("pw=***!");
    }
}
