package org.saddlepoint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.saddlepoint.solvers.finitesum.experiments.Experiment;
import org.saddlepoint.solvers.finitesum.experiments.MethodName;
import org.saddlepoint.solvers.finitesum.experiments.Preset;

import picocli.CommandLine;

/** {@link EnumConverter}: names, accepted spellings, the one-line error, and the finite-sum enums' own names. */
class EnumConverterTest {
    private static final class MethodConverter extends EnumConverter<MethodName> {
        MethodConverter() {
            super(MethodName.class, "method");
        }
    }

    private static final class MethodNames extends EnumConverter.Names<MethodName> {
        MethodNames() {
            super(MethodName.class);
        }
    }

    @Test
    void acceptsTheCliNameTheConstantNameAndAnyCase() {
        MethodConverter converter = new MethodConverter();
        assertEquals(MethodName.VR_EG, converter.convert("vr-eg"));
        assertEquals(MethodName.VR_EG, converter.convert(" VR-EG "));
        assertEquals(MethodName.VR_EG, converter.convert("VR_EG"));
        assertEquals("vr-eg", EnumConverter.cliName(MethodName.VR_EG));
    }

    @Test
    void anUnknownNameListsTheAcceptedOnes() {
        CommandLine.TypeConversionException e = assertThrows(CommandLine.TypeConversionException.class,
                () -> new MethodConverter().convert("sgd"));
        assertEquals("unknown method 'sgd'; expected alg1, alg2, eg, eag, halpern or vr-eg", e.getMessage());
    }

    @Test
    void namesAreTheCliNamesInDeclarationOrder() {
        List<String> names = new ArrayList<>();
        new MethodNames().forEach(names::add);
        assertEquals(List.of("alg1", "alg2", "eg", "eag", "halpern", "vr-eg"), names);
    }

    /** The commands print these enums by their own cliName(); the converter must accept exactly those names. */
    @Test
    void theFiniteSumEnumsPrintTheNamesTheConverterAccepts() {
        for (MethodName m : MethodName.values()) {
            assertEquals(EnumConverter.cliName(m), m.cliName());
        }
        for (Experiment e : Experiment.values()) {
            assertEquals(EnumConverter.cliName(e), e.cliName());
        }
        assertEquals("paper", EnumConverter.cliName(Preset.PAPER));
    }
}
