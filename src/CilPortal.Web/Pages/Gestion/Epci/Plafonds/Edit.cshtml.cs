using System.ComponentModel.DataAnnotations;
using CilPortal.Domain.Eligibility;
using CilPortal.Domain.Stock;
using CilPortal.Domain.Territory;
using CilPortal.Infrastructure.Audit;
using CilPortal.Infrastructure.Data;
using CilPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.Gestion.Epci.Plafonds;

/// <summary>Creates or corrects one yearly scale (PLAI or PLUS, one zone). A new one starts from the latest scale.</summary>
public class EditModel(CilPortalDbContext db, AuditLog audit) : PageModel
{
    [BindProperty]
    public ScaleInput Input { get; set; } = new();

    public bool IsNew { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        IsNew = id is null;
        var source = id is null
            ? await db.IncomeCeilingScales.AsNoTracking().OrderByDescending(s => s.EffectiveFrom).FirstOrDefaultAsync(s => s.Financing == Financing.Plus, cancellationToken)
            : await db.IncomeCeilingScales.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (id is not null && source is null)
        {
            return NotFound();
        }

        if (source is not null)
        {
            Input = ScaleInput.From(source);
            if (IsNew)
            {
                Input.Year = source.Year + 1;
                Input.Reference = null;
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        IsNew = id is null;
        var scale = id is null ? new IncomeCeilingScale() : await db.IncomeCeilingScales.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (scale is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (Input.Financing is not (Financing.Plai or Financing.Plus))
        {
            ModelState.AddModelError("Input.Financing", "Choisissez PLAI ou PLUS : les plafonds PLS sont calculés (PLUS × 1,3).");
            return Page();
        }

        var effectiveFrom = new DateOnly(Input.Year!.Value, 1, 1);
        if (await db.IncomeCeilingScales.AnyAsync(s => s.Id != scale.Id && s.Financing == Input.Financing && s.Zone == Input.Zone && s.EffectiveFrom == effectiveFrom, cancellationToken))
        {
            ModelState.AddModelError(string.Empty, $"Un barème {Input.Financing.ToString().ToUpperInvariant()} {Input.Year} existe déjà pour cette zone : modifiez-le plutôt.");
            return Page();
        }

        var before = id is null ? null : ScaleInput.From(scale);
        Input.ApplyTo(scale, effectiveFrom);
        foreach (var problem in scale.Validate())
        {
            ModelState.AddModelError(string.Empty, problem);
        }

        // PLAI housing is for lower incomes than PLUS: its ceilings cannot be higher the same year.
        var other = await db.IncomeCeilingScales.AsNoTracking().SingleOrDefaultAsync(
            s => s.Id != scale.Id && s.Zone == scale.Zone && s.EffectiveFrom == effectiveFrom && s.Financing != scale.Financing, cancellationToken);
        if (other is not null)
        {
            var (plai, plus) = scale.Financing == Financing.Plai ? (scale, other) : (other, scale);
            if (plai.Category1 > plus.Category1 || plai.Category6 > plus.Category6)
            {
                ModelState.AddModelError(string.Empty, $"Les plafonds PLAI {scale.Year} ne peuvent pas dépasser les plafonds PLUS de la même année et de la même zone.");
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (id is null)
        {
            db.IncomeCeilingScales.Add(scale);
        }

        await db.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync(HttpContext.Actor(), AuditActions.IncomeCeilings,
            $"Barème {scale.Financing.ToString().ToUpperInvariant()} {scale.Year} {(before is null ? "ajouté" : "modifié")}.", "bareme",
            scale.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), before, ScaleInput.From(scale), cancellationToken);
        TempData["Message"] = $"Le barème {scale.Financing.ToString().ToUpperInvariant()} {scale.Year} est enregistré.";
        return RedirectToPage("Index");
    }

    public sealed class ScaleInput
    {
        [Display(Name = "financement")]
        [Required(ErrorMessage = "Choisissez le financement.")]
        [EnumDataType(typeof(Financing), ErrorMessage = "Choisissez PLAI ou PLUS.")]
        public Financing Financing { get; set; } = Financing.Plus;

        [Display(Name = "zone")]
        [EnumDataType(typeof(IncomeCeilingZone), ErrorMessage = "Choisissez une zone.")]
        public IncomeCeilingZone Zone { get; set; } = IncomeCeilingZone.OtherRegions;

        [Display(Name = "année")]
        [Required(ErrorMessage = "Indiquez l'année.")]
        [Range(2000, 2100, ErrorMessage = "L'année est comprise entre 2000 et 2100.")]
        public int? Year { get; set; }

        // Decimal bounds: Range(int, int) converts the value to int and throws (an error page) for an amount past int.MaxValue.
        [Required(ErrorMessage = "Indiquez le plafond de la catégorie 1.")]
        [Display(Name = "catégorie 1")]
        [Range(typeof(decimal), "1000", "1000000", ErrorMessage = "Le plafond de la catégorie 1 est compris entre 1 000 et 1 000 000 €.")]
        public decimal? Category1 { get; set; }

        [Required(ErrorMessage = "Indiquez le plafond de la catégorie 2.")]
        [Display(Name = "catégorie 2")]
        [Range(typeof(decimal), "1000", "1000000", ErrorMessage = "Le plafond de la catégorie 2 est compris entre 1 000 et 1 000 000 €.")]
        public decimal? Category2 { get; set; }

        [Required(ErrorMessage = "Indiquez le plafond de la catégorie 3.")]
        [Display(Name = "catégorie 3")]
        [Range(typeof(decimal), "1000", "1000000", ErrorMessage = "Le plafond de la catégorie 3 est compris entre 1 000 et 1 000 000 €.")]
        public decimal? Category3 { get; set; }

        [Required(ErrorMessage = "Indiquez le plafond de la catégorie 4.")]
        [Display(Name = "catégorie 4")]
        [Range(typeof(decimal), "1000", "1000000", ErrorMessage = "Le plafond de la catégorie 4 est compris entre 1 000 et 1 000 000 €.")]
        public decimal? Category4 { get; set; }

        [Required(ErrorMessage = "Indiquez le plafond de la catégorie 5.")]
        [Display(Name = "catégorie 5")]
        [Range(typeof(decimal), "1000", "1000000", ErrorMessage = "Le plafond de la catégorie 5 est compris entre 1 000 et 1 000 000 €.")]
        public decimal? Category5 { get; set; }

        [Required(ErrorMessage = "Indiquez le plafond de la catégorie 6.")]
        [Display(Name = "catégorie 6")]
        [Range(typeof(decimal), "1000", "1000000", ErrorMessage = "Le plafond de la catégorie 6 est compris entre 1 000 et 1 000 000 €.")]
        public decimal? Category6 { get; set; }

        [Required(ErrorMessage = "Indiquez le montant par personne supplémentaire.")]
        [Display(Name = "par personne supplémentaire")]
        [Range(typeof(decimal), "100", "1000000", ErrorMessage = "Le montant par personne supplémentaire est compris entre 100 et 1 000 000 €.")]
        public decimal? PerExtraPerson { get; set; }

        [Display(Name = "référence")]
        [Url(ErrorMessage = "La référence doit être une adresse web (Légifrance).")]
        [StringLength(300, ErrorMessage = "La référence ne doit pas dépasser 300 caractères.")]
        public string? Reference { get; set; }

        public static ScaleInput From(IncomeCeilingScale scale) => new()
        {
            Financing = scale.Financing,
            Zone = scale.Zone,
            Year = scale.Year,
            Category1 = scale.Category1,
            Category2 = scale.Category2,
            Category3 = scale.Category3,
            Category4 = scale.Category4,
            Category5 = scale.Category5,
            Category6 = scale.Category6,
            PerExtraPerson = scale.PerExtraPerson,
            Reference = scale.Reference,
        };

        public void ApplyTo(IncomeCeilingScale scale, DateOnly effectiveFrom)
        {
            scale.Financing = Financing;
            scale.Zone = Zone;
            scale.EffectiveFrom = effectiveFrom;
            scale.Category1 = Category1!.Value;
            scale.Category2 = Category2!.Value;
            scale.Category3 = Category3!.Value;
            scale.Category4 = Category4!.Value;
            scale.Category5 = Category5!.Value;
            scale.Category6 = Category6!.Value;
            scale.PerExtraPerson = PerExtraPerson!.Value;
            scale.Reference = string.IsNullOrWhiteSpace(Reference) ? null : Reference.Trim();
        }
    }
}
