package org.saddlepoint.robust.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.saddlepoint.cli.CliRun.assertBadInput;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saddlepoint.cli.CliRun;
import org.saddlepoint.cli.EnumConverter;
import org.saddlepoint.robust.groupwise.GroupSpec;
import org.saddlepoint.robust.groupwise.GroupedCsv;
import org.saddlepoint.robust.groupwise.GroupedData;
import org.saddlepoint.robust.groupwise.GroupwiseExperiment;
import org.saddlepoint.robust.groupwise.GroupwiseReport;
import org.saddlepoint.robust.groupwise.OracleKind;

/** {@code saddlepoint groupwise}, run in-process on the bundled Medical Cost data. */
class GroupwiseCommandTest {
    private static final String DATA = "examples/groupwise/insurance.csv";
    private static final String GROUPS = "examples/groupwise/medical-groups.txt";

    @TempDir
    Path dir;

    @Test
    void jsonMatchesTheLibrary() throws IOException {
        CliRun run = CliRun.of("groupwise", DATA, "--label", "charges", "--groups", GROUPS, "--shuffles", "2", "--json",
                "-q");
        assertEquals(0, run.exitCode(), run.toString());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals(18, json.get("features").asInt());
        assertEquals(List.of(473L, 503L), List.of(json.get("seeds").get(0).asLong(), json.get("seeds").get(1).asLong()));
        GroupedData data = GroupedCsv.read(Path.of(DATA), "charges", GroupSpec.read(Path.of(GROUPS)), true);
        GroupwiseReport expected = GroupwiseExperiment.run(data, OracleKind.RIDGE, new long[] {473, 503});
        JsonNode groups = json.get("groups");
        assertEquals(12, groups.size());
        for (int g = 0; g < 12; g++) {
            GroupwiseReport.GroupResult r = expected.groups().get(g);
            assertEquals(r.name(), groups.get(g).get("name").asText());
            assertEquals(r.size(), groups.get(g).get("size").asInt());
            assertEquals(r.sse(), groups.get(g).get("sse").asDouble(), 0.0);
            assertArrayEquals(r.expectedRegret(), doubles(groups.get(g).get("groupwise_regret")), 0.0);
            assertArrayEquals(r.baselineRegret(), doubles(groups.get(g).get("baseline_regret")), 0.0);
        }
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    @Test
    void tableWithInlineGroupsSeedsAndPlot() throws IOException {
        Path png = dir.resolve("regret.png");
        CliRun run = CliRun.of("groupwise", DATA, "--label", "charges", "--groups",
                "smoker: smoker == yes; obese: bmi >= 30", "--shuffles", "2", "--seed", "7", "--plot", png.toString());
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("(1338 rows, 12 features, 3 groups)"), run.out());
        assertTrue(run.out().contains("shuffles:  2 (seeds 7, 8)"), run.out());
        assertTrue(run.out().contains("groupwise beats the baseline on 3 of 3 groups"), run.out());
        CliRun.assertPng(png);
    }

    @Test
    void otherOracles() {
        for (String oracle : new String[] {"vaw", "ogd"}) {
            CliRun run = CliRun.of("groupwise", DATA, "--label", "charges", "--groups", GROUPS, "--shuffles", "1",
                    "--oracle", oracle);
            assertEquals(0, run.exitCode(), run.toString());
            assertTrue(run.out().contains("oracle:    " + oracle), run.out());
        }
    }

    @Test
    void badInputExitsTwoWithOneLine() throws IOException {
        assertBadInput(CliRun.of("groupwise", DATA, "--label", "price", "--groups", GROUPS),
                "unknown column 'price' (the label)");
        assertBadInput(CliRun.of("groupwise", DATA, "--label", "charges", "--groups", "x: weight > 3"),
                "unknown column 'weight' (in group 'x')");
        assertBadInput(CliRun.of("groupwise", DATA, "--label", "charges", "--groups", "x: age > 100"),
                "group 'x' contains no row");
        assertBadInput(CliRun.of("groupwise", DATA, "--label", "charges", "--groups", "nosuchfile.txt"),
                "nosuchfile.txt: no such group specification file");
        assertBadInput(CliRun.of("groupwise", DATA, "--label", "charges", "--groups", GROUPS, "--oracle", "svm"),
                "unknown oracle 'svm'");
        assertBadInput(CliRun.of("groupwise", DATA, "--label", "charges", "--groups", GROUPS, "--shuffles", "0"),
                "--shuffles must be > 0");
        assertBadInput(CliRun.of("groupwise", DATA, "--label", "sex", "--groups", GROUPS),
                "the label column 'sex' is not numeric");
        Path ragged = dir.resolve("ragged.csv");
        Files.writeString(ragged, "age,charges\n1,2\n3\n");
        assertBadInput(CliRun.of("groupwise", ragged.toString(), "--label", "charges", "--groups", "a: age > 0"),
                "line 3: 1 fields, expected 2");
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "");
        assertBadInput(CliRun.of("groupwise", empty.toString(), "--label", "charges", "--groups", "a: age > 0"),
                "no data rows");
        assertBadInput(CliRun.of("groupwise", DATA, "--groups", GROUPS), "--label");
    }

    /** The report prints OracleKind.cliName(); --oracle must accept exactly those names. */
    @Test
    void everyOracleIsAcceptedByItsPrintedName() {
        for (OracleKind k : OracleKind.values()) {
            assertEquals(EnumConverter.cliName(k), k.cliName());
            assertEquals(k, new GroupwiseCommand.OracleConverter().convert(k.cliName()));
        }
    }
}
