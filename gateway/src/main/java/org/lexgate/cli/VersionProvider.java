package org.lexgate.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version written into the jar manifest at build time. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = LexgateCommand.class.getPackage().getImplementationVersion();
        return new String[] {"lexgate " + (version == null ? "(development build)" : version)};
    }
}
