package io.osmigrate.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import picocli.CommandLine.IVersionProvider;

/**
 * What {@code --version} prints, on the top command and on every subcommand: the version the build
 * wrote into {@code version.properties} (Maven resource filtering), so it can never lag behind the
 * pom. Stateless.
 */
final class BuildVersion implements IVersionProvider {

    private static final String RESOURCE = "version.properties";

    /** "osmigrate 1.2.3". */
    static String current() {
        Properties p = new Properties();
        try (InputStream in = BuildVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing beside " + BuildVersion.class.getName()
                        + "; build with Maven, which writes it");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return "osmigrate " + p.getProperty("version");
    }

    @Override
    public String[] getVersion() {
        return new String[] {current()};
    }
}
