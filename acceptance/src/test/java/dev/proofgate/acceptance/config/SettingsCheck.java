package dev.proofgate.acceptance.config;

/**
 * Run by the readiness build before anything starts: a setting with an unknown value stops the build
 * here, with one line naming the setting and its allowed values, instead of a run that reports on
 * something other than what was asked.
 */
public final class SettingsCheck {

    private SettingsCheck() {}

    public static void main(String[] args) {
        try {
            SuiteSettings settings = SuiteSettings.load();
            System.out.println("[proofgate] settings: mode " + settings.mode() + ", gate " + settings.gate()
                    + ", load profile " + settings.loadProfile());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("[proofgate] " + e.getMessage());
        }
    }
}
