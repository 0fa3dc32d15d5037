package org.lexgate.bench.report;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with aligned columns, for the run's summary on stdout. */
public final class Table {

    private final List<String[]> rows = new ArrayList<>();

    public Table(String... header) {
        rows.add(header);
    }

    public Table row(Object... cells) {
        String[] r = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            r[i] = cells[i] instanceof Double d ? format(d) : String.valueOf(cells[i]);
        }
        rows.add(r);
        return this;
    }

    /** Numbers with three significant digits at most, no exponent. */
    public static String format(double d) {
        if (!Double.isFinite(d)) {
            return "-";
        }
        double a = Math.abs(d);
        return a >= 100 ? String.format("%.0f", d) : a >= 10 ? String.format("%.1f", d) : String.format("%.2f", d);
    }

    @Override
    public String toString() {
        int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        int[] width = new int[columns];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int n = 0; n < rows.size(); n++) {
            String[] r = rows.get(n);
            for (int i = 0; i < r.length; i++) {
                String cell = r[i];
                boolean numeric = n > 0 && i > 0 && !cell.isEmpty() && (Character.isDigit(cell.charAt(0)) || cell.charAt(0) == '-');
                out.append(numeric ? " ".repeat(width[i] - cell.length()) + cell : cell + " ".repeat(width[i] - cell.length()));
                out.append(i < r.length - 1 ? "  " : "");
            }
            out.append('\n');
            if (n == 0) {
                for (int i = 0; i < columns; i++) {
                    out.append("-".repeat(width[i])).append(i < columns - 1 ? "  " : "");
                }
                out.append('\n');
            }
        }
        return out.toString();
    }
}
