package org.saddlepoint.robust.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saddlepoint.cli.CliRun;

class RobustCommandsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    private static JsonNode json(CliRun run) throws IOException {
        assertEquals(0, run.exitCode(), run.toString());
        return MAPPER.readTree(run.out());
    }

    private static void assertUsageError(CliRun run, String fragment) {
        assertEquals(2, run.exitCode(), run.toString());
        assertEquals(1, run.errLines().size(), run.toString());
        assertTrue(run.err().contains(fragment), run.toString());
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void committeeSelectsAnOptimalCommitteeUnderTheBounds() throws IOException {
        JsonNode free = json(CliRun.of("committee", "examples/committee-rankings.csv", "--rule", "k-borda", "--k", "6",
                "--json"));
        JsonNode fair = json(CliRun.of("committee", "examples/committee-rankings.csv", "--rule", "k-borda", "--k", "6",
                "--group-bounds", "examples/committee-bounds.csv", "--json"));
        assertEquals("optimal", fair.get("status").asText());
        assertEquals(0, fair.get("gap").asLong());
        assertEquals(6, fair.get("committee").size());
        assertTrue(fair.get("score").asLong() <= free.get("score").asLong(), "bounds cannot raise the optimum");
        int inA = 0;
        for (JsonNode item : fair.get("committee")) {
            inA += Integer.parseInt(item.asText().substring(1)) <= 10 ? 1 : 0;
        }
        assertEquals(3, inA);
        CliRun report = CliRun.of("committee", "examples/committee-rankings.csv", "--rule", "cc", "--k", "3");
        assertTrue(report.out().contains("status:      optimal"), report.toString());
    }

    @Test
    void committeeBadInputIsOneLineAndExitTwo() throws IOException {
        assertUsageError(CliRun.of("committee", "examples/committee-rankings.csv", "--rule", "stv", "--k", "6"),
                "unknown rule 'stv'");
        assertUsageError(CliRun.of("committee", "examples/committee-rankings.csv", "--rule", "bloc", "--k", "6",
                "--group-bounds", file("b.csv", "A,4,6,i01,i02,i03,i04,i05\nB,3,3,i06,i07\n").toString()),
                "infeasible group bounds");
        assertUsageError(CliRun.of("committee", file("r.csv", "a,b,c\nb,a,d\n").toString(), "--rule", "bloc", "--k",
                "1"), "unknown item 'd'");
        assertUsageError(CliRun.of("committee", dir.resolve("missing.csv").toString(), "--rule", "bloc", "--k", "1"),
                "no such file");
        assertUsageError(CliRun.of("committee", file("e.csv", "").toString(), "--rule", "bloc", "--k", "1"),
                "empty");
    }

    @Test
    void maxminRecoversTheGroupsAndCertifiesThePolicy() throws IOException {
        JsonNode r = json(CliRun.of("maxmin", "examples/maxmin-prefs.csv", "--features", "examples/maxmin-features.csv",
                "--json"));
        assertTrue(Math.abs(r.get("duality_gap").asDouble()) <= 1e-8);
        assertEquals(2, r.get("group_sizes").size());
        int minority = Math.min(r.get("group_sizes").get(0).asInt(), r.get("group_sizes").get(1).asInt());
        assertEquals(3, minority);
        double maxminWorst = Math.min(r.get("group_values").get(0).asDouble(), r.get("group_values").get(1).asDouble());
        double singleWorst = Math.min(r.get("single_reward_group_values").get(0).asDouble(),
                r.get("single_reward_group_values").get(1).asDouble());
        assertTrue(maxminWorst >= singleWorst);
        CliRun report = CliRun.of("maxmin", "examples/maxmin-prefs.csv", "--features", "examples/maxmin-features.csv",
                "--em", "soft");
        assertTrue(report.out().contains("maxmin value:"), report.toString());
    }

    @Test
    void maxminBadInputIsOneLineAndExitTwo() throws IOException {
        Path features = file("f.csv", "response,a\nx,1\ny,2\n");
        assertUsageError(CliRun.of("maxmin", file("p.csv", "user,winner,loser\nu1,x,z\n").toString(), "--features",
                features.toString()), "unknown response 'z'");
        assertUsageError(CliRun.of("maxmin", "examples/maxmin-prefs.csv", "--features", "examples/maxmin-features.csv",
                "--beta", "-1"), "--beta");
        assertUsageError(CliRun.of("maxmin", "examples/maxmin-prefs.csv", "--features",
                file("g.csv", "response,a\nr1,NaN\nr2,1\n").toString()), "not a finite number");
        assertUsageError(CliRun.of("maxmin", "examples/maxmin-prefs.csv", "--features", "examples/maxmin-features.csv",
                "--em", "medium"), "--em");
    }

    @Test
    void ldrTrainsEveryLossAndReportsHeldOutAccuracy() throws IOException {
        for (String loss : new String[] {"ldr-kl", "aldr-kl", "ce", "cs"}) {
            JsonNode r = json(CliRun.of("ldr", "examples/ldr-blobs.csv", "--label", "label", "--loss", loss, "--json"));
            assertTrue(r.get("test_top1").asDouble() > 0.6, loss + ": " + r);
            assertTrue(r.get("gradient_norm").asDouble() < 1e-6, loss + ": " + r);
            assertEquals(120, r.get("test_size").asInt());
        }
        JsonNode cv = json(CliRun.of("ldr", "examples/ldr-blobs.csv", "--label", "label", "--loss", "ldr-kl",
                "--lambda-grid", "0.1,1,10", "--noise", "class:0.2", "--json"));
        double best = 0;
        for (JsonNode a : cv.get("cv_accuracy")) {
            best = Math.max(best, a.asDouble());
        }
        int at = 0;
        while (cv.get("cv_accuracy").get(at).asDouble() != best) {
            at++;
        }
        assertEquals(cv.get("lambda_grid").get(at).asDouble(), cv.get("lambda").asDouble());
    }

    @Test
    void ldrBadInputIsOneLineAndExitTwo() throws IOException {
        assertUsageError(CliRun.of("ldr", "examples/ldr-blobs.csv", "--label", "class", "--loss", "ce"),
                "no column 'class'");
        assertUsageError(CliRun.of("ldr", "examples/ldr-blobs.csv", "--label", "label", "--loss", "hinge"),
                "--loss must be");
        assertUsageError(CliRun.of("ldr", file("d.csv", "a,y\n1,p\nx,q\n3,p\n").toString(), "--label", "y", "--loss",
                "ce"), "'x' is not a number");
        assertUsageError(CliRun.of("ldr", "examples/ldr-blobs.csv", "--label", "label", "--loss", "ce", "--noise",
                "uniform:2"), "noise level");
        assertUsageError(CliRun.of("ldr", "examples/ldr-blobs.csv", "--label", "label", "--loss", "ldr-kl",
                "--lambda", "0"), "lambda");
    }
}
