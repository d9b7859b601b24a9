using CilPortal.Domain.Stock;
using CilPortal.Domain.Territory;

namespace CilPortal.Domain.Eligibility;

/// <summary>
/// Yearly income ceilings (revenu fiscal de référence N-2) of one financing in one zone: one amount
/// per household category 1–6 and an amount per person beyond the sixth (arrêté du 29 juillet 1987).
/// PLS ceilings are not stored: they are the PLUS ceilings × 1.3.
/// </summary>
public class IncomeCeilingScale
{
    public const decimal PlsFactor = 1.3m;

    public int Id { get; set; }

    /// <summary>PLAI or PLUS.</summary>
    public Financing Financing { get; set; }

    public IncomeCeilingZone Zone { get; set; }

    /// <summary>Date the scale applies from (1 January of its year).</summary>
    public DateOnly EffectiveFrom { get; set; }

    public decimal Category1 { get; set; }

    public decimal Category2 { get; set; }

    public decimal Category3 { get; set; }

    public decimal Category4 { get; set; }

    public decimal Category5 { get; set; }

    public decimal Category6 { get; set; }

    public decimal PerExtraPerson { get; set; }

    /// <summary>Official reference of the values (Légifrance address).</summary>
    public string? Reference { get; set; }

    public int Year => EffectiveFrom.Year;

    public decimal CeilingFor(HouseholdCategory category)
    {
        ArgumentNullException.ThrowIfNull(category);
        var baseAmount = category.Number switch
        {
            1 => Category1,
            2 => Category2,
            3 => Category3,
            4 => Category4,
            5 => Category5,
            _ => Category6,
        };
        return baseAmount + (category.ExtraPersons * PerExtraPerson);
    }

    /// <summary>Problems of a scale typed by an administrator, in French.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        decimal[] amounts = [Category1, Category2, Category3, Category4, Category5, Category6];
        if (amounts.Any(a => a <= 0) || PerExtraPerson <= 0)
        {
            problems.Add("Chaque plafond doit être un montant positif.");
        }

        for (var i = 1; i < amounts.Length; i++)
        {
            if (amounts[i] < amounts[i - 1])
            {
                problems.Add($"Le plafond de la catégorie {i + 1} ne peut pas être inférieur à celui de la catégorie {i}.");
            }
        }

        if (amounts.Any(a => a > 1_000_000m))
        {
            problems.Add("Un plafond dépasse 1 000 000 € : vérifiez la saisie.");
        }

        return problems;
    }
}
