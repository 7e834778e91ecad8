package org.leantta.core.json;

import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;

/** Writing with two-space indents, one member or element a line, {@code "name": value}, {@code []} when empty. */
final class Indented extends ObjectWriteContext.Base {
    private static final DefaultIndenter INDENT = new DefaultIndenter("  ", "\n");
    private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectNameValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator(""))
            .withObjectIndenter(INDENT)
            .withArrayIndenter(INDENT);

    @Override
    public PrettyPrinter getPrettyPrinter() {
        // a pretty printer keeps the current depth: one per generator
        return PRINTER.createInstance();
    }

    @Override
    public boolean hasPrettyPrinter() {
        return true;
    }
}
