package org.faregate.simulator.e2e;

import java.nio.file.Path;

/** What a test needs to start a program of this build in its own JVM, to kill it like a crash would. */
final class ChildJvm {

    private ChildJvm() {
    }

    /** The {@code java} launcher of the JVM running the test. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The test JVM's own class path (Surefire names it in a property when it uses a manifest-only jar). */
    static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}
