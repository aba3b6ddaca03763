package io.osmigrate.users;

import java.util.Objects;

import io.osmigrate.spec.PasswordPolicy;

/**
 * Whether a destination user differs from what the source says it should be: what makes update and
 * recreate write (and what makes a second run write nothing). Empty and blank text count as equal;
 * login dates are the destination's own and never compared. Stateless.
 */
final class UserChanges {

    private UserChanges() {
    }

    /** Name, email, mobile phone, external id, active flag; and the password hash with passwords: copy. */
    static boolean updateDiffers(UserRecord wanted, UserRecord twin, PasswordPolicy passwords) {
        return !same(wanted.name(), twin.name()) || !same(wanted.email(), twin.email())
                || !same(wanted.mobilePhone(), twin.mobilePhone()) || !same(wanted.externalId(), twin.externalId())
                || wanted.active() != twin.active()
                || passwords == PasswordPolicy.COPY && !same(wanted.password(), twin.password());
    }

    /** As {@link #updateDiffers}, and the username's exact spelling (a recreated user takes the source's). */
    static boolean recreateDiffers(UserRecord wanted, UserRecord twin, PasswordPolicy passwords) {
        return updateDiffers(wanted, twin, passwords) || !Objects.equals(trim(wanted.username()), trim(twin.username()));
    }

    private static boolean same(String a, String b) {
        return Objects.equals(trim(a), trim(b));
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
