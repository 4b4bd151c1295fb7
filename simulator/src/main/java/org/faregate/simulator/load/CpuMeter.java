package org.faregate.simulator.load;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the CPU went during a measurement: this JVM's CPU time (the gateway nodes and the load
 * generator together), the part of it the JIT compiler spent, and how busy the whole machine was
 * (from {@code /proc/stat}, so the database counts too; absent elsewhere than Linux).
 */
final class CpuMeter {

    /** A reading at one moment; {@code machineBusy} and {@code machineTotal} in clock ticks, -1 unknown. */
    record Reading(long wallNanos, long processNanos, long compileMillis, long machineBusy, long machineTotal) {
    }

    /** The difference between two readings, as a line for the load's report. */
    record Usage(long wallNanos, long processNanos, long compileMillis, int machinePercent) {
        String describe() {
            return String.format("JVM (gateway and load generator) %.1f CPU-s in %.1f s, JIT compiling %.1f s; %s",
                    processNanos / 1e9, wallNanos / 1e9, compileMillis / 1e3,
                    machinePercent < 0 ? "machine load unknown" : "machine " + machinePercent + " % busy (all cores)");
        }
    }

    private CpuMeter() {
    }

    static Reading read() {
        long process = -1;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            process = os.getProcessCpuTime();
        }
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        long compile = compiler != null && compiler.isCompilationTimeMonitoringSupported()
                ? compiler.getTotalCompilationTime() : -1;
        long[] machine = machine();
        return new Reading(System.nanoTime(), process, compile, machine[0], machine[1]);
    }

    static Usage between(Reading from, Reading to) {
        long total = to.machineTotal() - from.machineTotal();
        int percent = from.machineTotal() < 0 || total <= 0 ? -1
                : (int) (100 * (to.machineBusy() - from.machineBusy()) / total);
        return new Usage(to.wallNanos() - from.wallNanos(), to.processNanos() - from.processNanos(),
                to.compileMillis() - from.compileMillis(), percent);
    }

    /** Busy and total ticks of all cores from the first line of /proc/stat; {-1, -1} when unreadable. */
    private static long[] machine() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/stat"));
            String[] fields = lines.get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < fields.length; i++) {
                total += Long.parseLong(fields[i]);
            }
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {-1, -1};
        }
    }
}
