package org.saddlepoint.robust.groupwise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.saddlepoint.solvers.InvalidInputException;

/** The encoding of spec 5 and clear errors for bad data and bad group specifications. */
class GroupedCsvTest {
    @TempDir
    Path dir;

    private Path csv(String text) throws IOException {
        Path file = dir.resolve("data.csv");
        Files.writeString(file, text);
        return file;
    }

    private static final String SMALL = "age,sex,cost\n20,m,1\n40,f,3\n60,m,5\n30,f,2\n";

    @Test
    void encodesNumericOneHotAndNewGroupIndicators() throws IOException {
        GroupedData data = GroupedCsv.read(csv(SMALL), "cost",
                GroupSpec.inline("young: age <= 30; male: sex == m; old: age > 50 and sex != f"), true);
        // age scaled, sex one-hot (f, m), the indicators of young and old; male duplicates sex=m.
        assertEquals(List.of("age", "sex=f", "sex=m", "group young", "group old"), data.featureNames());
        assertEquals(List.of("young", "male", "old", GroupedData.ALWAYS_ON), data.groupNames());
        double[][] young = data.featuresOf(0);
        assertEquals(2, young.length);
        assertEquals(0.0, young[0][0], 1e-15);
        assertEquals(0.25, young[1][0], 1e-15);
        assertEquals(List.of(0.0, 1.0, 0.5, 0.25), List.of(data.label(0), data.label(2), data.label(1), data.label(3)));
        assertEquals(1, data.groupSize(2));
        assertEquals(4, data.groupSize(3));
    }

    @Test
    void labelMayBeTheIndicatorOfACategory() throws IOException {
        GroupedData data = GroupedCsv.read(csv(SMALL), "sex=f", GroupSpec.inline("all: age > 0"), false);
        assertEquals(List.of("age", "cost", "group all"), data.featureNames().subList(0, 3));
        assertEquals(1.0, data.label(1));
        assertEquals(0.0, data.label(0));
        assertFalse(data.groupNames().contains(GroupedData.ALWAYS_ON));
    }

    @Test
    void groupSpecFileWithColumnsAndDrop() throws IOException {
        Path spec = dir.resolve("groups.txt");
        Files.writeString(spec, "# no header in the data\ncolumns: a, b, y\ndrop: b\nbig: a >= 2  # comment\n");
        GroupedData data = GroupedCsv.read(csv("1,x,0\n2,y,1\n3,x,2\n"), "y", GroupSpec.read(spec), true);
        assertEquals(List.of("a", "group big"), data.featureNames());
        assertEquals(2, data.groupSize(0));
    }

    private void assertError(String fragment, String data, String label, String groups) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> GroupedCsv.read(csv(data), label, GroupSpec.inline(groups), true));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void clearErrors() {
        assertError("unknown column 'charges' (the label)", SMALL, "charges", "a: age > 1");
        assertError("unknown column 'bmi' (in group 'a')", SMALL, "cost", "a: bmi > 1");
        assertError("group 'a' contains no row", SMALL, "cost", "a: age > 100");
        assertError("line 3: 2 fields, expected 3", "age,sex,cost\n20,m,1\n40,f\n", "cost", "a: age > 1");
        assertError("no data rows", "age,sex,cost\n", "cost", "a: age > 1");
        assertError("column 'sex' is categorical", SMALL, "cost", "a: sex > 1");
        assertError("'old' is not a number", SMALL, "cost", "a: age > old");
        assertError("the label column 'sex' is not numeric", SMALL, "sex", "a: age > 1");
        assertError("the label 'cost' is constant", "age,cost\n1,2\n3,2\n", "cost", "a: age > 1");
        assertError("unknown column 'zip' (in drop)", SMALL, "cost", "drop: zip; a: age > 1");
        InvalidInputException missing = assertThrows(InvalidInputException.class,
                () -> GroupedCsv.read(dir.resolve("none.csv"), "cost", GroupSpec.inline("a: age > 1"), true));
        assertTrue(missing.getMessage().endsWith("none.csv: no such file"), missing.getMessage());
    }

    @Test
    void badGroupSpecifications() {
        assertSpecError("expected 'NAME: CONDITION'", "young age < 3");
        assertSpecError("expected 'COLUMN OP VALUE'", "young: age ~ 3");
        assertSpecError("group 'a' is defined twice", "a: x > 1; a: x < 0");
        assertSpecError("defines no group", "# nothing");
    }

    private static void assertSpecError(String fragment, String text) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> GroupSpec.inline(text));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }
}
