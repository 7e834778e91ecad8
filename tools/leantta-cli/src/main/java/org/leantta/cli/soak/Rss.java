package org.leantta.cli.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Resident set size and CPU time of a process, from /proc (Linux). */
public final class Rss {
    private Rss() {
    }

    /** VmRSS in kB; -1 once the process is gone. */
    public static long kilobytes(long pid) throws IOException {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (NoSuchFileException gone) {
            return -1;
        }
        throw new IOException("no VmRSS line in /proc/" + pid + "/status: the soak needs Linux");
    }

    /** User plus system CPU time in seconds (fields 14 and 15 of /proc/PID/stat, at the usual 100 ticks/s). */
    public static double cpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        // the command name (field 2) may hold spaces: count fields after its closing parenthesis
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
    }
}
