package org.saddlepoint.games.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.saddlepoint.cli.CliRun.assertBadInput;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saddlepoint.cli.CliRun;
import org.saddlepoint.games.preference.PreferenceCsv;
import org.saddlepoint.games.preference.PreferenceGame;

/** {@code saddlepoint preference}, run in-process. */
class PreferenceCommandTest {
    private static final Path EXAMPLE = Path.of("examples", "preference-intransitive-6.csv");

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void badInputExitsWithTwoAndOneLine() throws IOException {
        assertBadInput(CliRun.of("preference", dir.resolve("missing.csv").toString()), "no such file");
        assertBadInput(CliRun.of("preference", write("empty.csv", "").toString()), "empty");
        assertBadInput(CliRun.of("preference", write("ragged.csv", "0.5,0.5\n0.5\n").toString()), "has 1 values");
        assertBadInput(CliRun.of("preference", write("rect.csv", "0.5,0.5,0.5\n0.5,0.5,0.5\n").toString()),
                "must be square, got 2 x 3");
        assertBadInput(CliRun.of("preference", write("asym.csv", "0.5,0.7\n0.4,0.5\n").toString()),
                "P(1 beats 2) + P(2 beats 1) = 1.1");
        assertBadInput(CliRun.of("preference", write("diag.csv", "0.4,0.5\n0.5,0.5\n").toString()),
                "P(1 beats 1) + P(1 beats 1) = 0.8");
        assertBadInput(CliRun.of("preference", write("range.csv", "0.5,1.5\n-0.5,0.5\n").toString()),
                "line 1, column 2: 1.5 is not a probability");
        assertBadInput(CliRun.of("preference", write("nan.csv", "0.5,NaN\n0.5,0.5\n").toString()),
                "not a finite number");
        String ex = EXAMPLE.toString();
        assertBadInput(CliRun.of("preference", ex, "--beta", "0"), "--beta must be a finite number > 0");
        assertBadInput(CliRun.of("preference", ex, "--eta", "-1"), "--eta must be a finite number > 0");
        assertBadInput(CliRun.of("preference", ex, "--iterations", "0"), "--iterations must be > 0");
        assertBadInput(CliRun.of("preference", ex, "--momentum", "1"), "--momentum must be in [0, 1)");
        assertBadInput(CliRun.of("preference", ex, "--method", "dpo"), "unknown method 'dpo'");
        assertBadInput(CliRun.of("preference", ex, "--beta", "0.5", "--eta", "3"), "eta * beta");
        assertBadInput(CliRun.of("preference", ex, "--ref", write("short.csv", "1,2,3\n").toString()),
                "the policy has 3 entries, the preference matrix 6 responses");
        assertBadInput(CliRun.of("preference", ex, "--ref", write("zero.csv", "1,1,0,1,1,1\n").toString()),
                "entry 3 is 0.0");
        assertBadInput(CliRun.of("preference", ex, "--plot", dir.resolve("no/such/dir/p.png").toString()),
                "p.png");
    }

    @Test
    void egpoReportsItsCertificateAndTheMinimaxWinner() {
        CliRun run = CliRun.of("preference", EXAMPLE.toString(), "-q");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("method:          egpo: EGPO (policy space"), run.out());
        assertTrue(run.out().contains("status:          converged"), run.out());
        assertTrue(run.out().contains("minimax winner:  [0.140301, 0, 0, 0.443503, 0.416196, 0] (LP"), run.out());
    }

    @Test
    void jsonCarriesTheCertificatesOfTheLastIterate() throws IOException {
        Path ref = write("ref.csv", "1\n2\n3\n1\n2\n3\n");
        CliRun run = CliRun.of("preference", EXAMPLE.toString(), "--method", "omd", "--beta", "0.2",
                "--iterations", "2000", "--tol", "0", "--ref", ref.toString(), "--json", "-q");
        assertEquals(0, run.exitCode(), run.toString());
        JsonNode node = new ObjectMapper().readTree(run.out());
        assertEquals("omd", node.get("method").asText());
        // with --tol 0 it stops only at 2000 updates or once the gap is exactly 0
        String status = node.get("status").asText();
        assertTrue(status.equals("max_iterations") ? node.get("iterations").asInt() == 2000
                : status.equals("converged") && node.get("duality_gap").asDouble() == 0, run.out());
        double[] policy = toArray(node.get("policy"));
        PreferenceGame game = PreferenceGame.of(PreferenceCsv.readMatrix(EXAMPLE),
                new double[] {1 / 12.0, 2 / 12.0, 3 / 12.0, 1 / 12.0, 2 / 12.0, 3 / 12.0}, 0.2);
        assertEquals(game.dualityGap(policy), node.get("duality_gap").asDouble(), 1e-15);
        assertTrue(node.get("duality_gap").asDouble() < 1e-12);
        // Gap_beta is quadratic in the distance (KL(pi || pi*) <= Gap / (2 beta)): a gap at rounding level,
        // 1e-17, leaves the policy about 1e-8 from pi*_beta
        assertArrayEquals(game.equilibrium().policy(), policy, 1e-8);
        assertArrayEquals(game.minimaxWinner().rowStrategy(), toArray(node.get("minimax_winner")), 1e-12);
        assertEquals("Gap_beta(last)", node.get("certificate_name").asText());
    }

    @Test
    void spoIsJudgedByItsAverage() throws IOException {
        CliRun run = CliRun.of("preference", EXAMPLE.toString(), "--method", "spo", "--iterations", "4000",
                "--json", "-q");
        assertEquals(0, run.exitCode(), run.toString());
        JsonNode node = new ObjectMapper().readTree(run.out());
        assertEquals("Expl(average)", node.get("certificate_name").asText());
        double bound = Math.sqrt(Math.log(6) / (2 * 4000.0));
        assertTrue(node.get("average_exploitability").asDouble() <= bound, run.out());
    }

    @Test
    void plotDrawsEveryMethod() throws IOException {
        Path png = dir.resolve("gap.png");
        CliRun run = CliRun.of("preference", EXAMPLE.toString(), "--method", "apo", "--plot", png.toString(), "-q");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("plot:            " + png), run.out());
        CliRun.assertPng(png);
    }

    private static double[] toArray(JsonNode array) {
        double[] v = new double[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = array.get(i).asDouble();
        }
        return v;
    }
}
