using CilPortal.Domain.Stock;

namespace CilPortal.Domain.Eligibility;

/// <summary>The answer for one financing: eligible or not with the ceiling used, or unknown when the year's scale is missing.</summary>
public sealed record FinancingEligibility(Financing Financing, bool? IsEligible, decimal? Ceiling, int? ScaleYear, string? MissingReason);

/// <summary>Compares a household's revenu fiscal de référence N-2 with the PLAI, PLUS and PLS ceilings of a year.</summary>
public static class EligibilityCheck
{
    /// <param name="scales">The scales of the household's zone, any years: only those of <paramref name="year"/> are used.</param>
    public static IReadOnlyList<FinancingEligibility> Evaluate(HouseholdCategory category, decimal referenceIncome, int year, IEnumerable<IncomeCeilingScale> scales)
    {
        ArgumentNullException.ThrowIfNull(category);
        ArgumentNullException.ThrowIfNull(scales);
        var ofYear = scales.Where(s => s.Year == year).ToList();
        var plai = ofYear.FirstOrDefault(s => s.Financing == Financing.Plai);
        var plus = ofYear.FirstOrDefault(s => s.Financing == Financing.Plus);
        return
        [
            For(Financing.Plai, plai?.CeilingFor(category), referenceIncome, year),
            For(Financing.Plus, plus?.CeilingFor(category), referenceIncome, year),
            For(Financing.Pls, plus is null ? null : Math.Round(plus.CeilingFor(category) * IncomeCeilingScale.PlsFactor, 0, MidpointRounding.AwayFromZero), referenceIncome, year),
        ];
    }

    private static FinancingEligibility For(Financing financing, decimal? ceiling, decimal income, int year) =>
        ceiling is { } value
            ? new FinancingEligibility(financing, income <= value, value, year, null)
            : new FinancingEligibility(financing, null, null, null, $"Les plafonds {financing.ToString().ToUpperInvariant()} de {year} ne sont pas encore enregistrés.");
}
