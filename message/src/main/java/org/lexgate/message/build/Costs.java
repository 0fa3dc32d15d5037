package org.lexgate.message.build;

import java.math.BigDecimal;
import java.util.regex.Pattern;
import org.lexgate.hi1.lexgate.CostReimbursement;

/**
 * What answering a request costs and who pays (guideline §16), written as
 * {@code lexgate:CostReimbursement}. Status is a value of lexgate's {@code CostStatus} dictionary
 * (NotApplicable, Estimated, Claimed, Accepted, Disputed, Paid, Waived).
 */
public final class Costs {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private final String status;
    private BigDecimal amount;
    private String currency;
    private String tariffReference;
    private String invoiceReference;
    private String remarks;

    private Costs(String status) {
        this.status = Require.text(status, "Costs.status (lexgate/CostStatus value)");
    }

    public static Costs status(String costStatus) {
        return new Costs(costStatus);
    }

    public static Costs notApplicable() {
        return new Costs("NotApplicable");
    }

    /** Amount (at most four decimals, not negative) and ISO 4217 currency. */
    public Costs amount(BigDecimal value, String isoCurrency) {
        Require.arg(value, "Costs.amount");
        if (value.signum() < 0 || Math.max(value.scale(), 0) > 4) {
            throw new IllegalArgumentException("Costs.amount must be >= 0 with at most 4 decimals, got " + value);
        }
        if (isoCurrency == null || !CURRENCY.matcher(isoCurrency).matches()) {
            throw new IllegalArgumentException("Costs.currency must be an ISO 4217 code such as EUR, got " + isoCurrency);
        }
        this.amount = value;
        this.currency = isoCurrency;
        return this;
    }

    public Costs tariffReference(String value) {
        this.tariffReference = Require.text(value, "Costs.tariffReference");
        return this;
    }

    public Costs invoiceReference(String value) {
        this.invoiceReference = Require.text(value, "Costs.invoiceReference");
        return this;
    }

    public Costs remarks(String value) {
        this.remarks = Require.text(value, "Costs.remarks");
        return this;
    }

    CostReimbursement toXml() {
        CostReimbursement xml = new CostReimbursement();
        xml.setStatus(Entries.lexgate("CostStatus", status));
        xml.setAmount(amount);
        xml.setCurrency(currency);
        xml.setTariffReference(tariffReference);
        xml.setInvoiceReference(invoiceReference);
        xml.setRemarks(remarks);
        return xml;
    }
}
