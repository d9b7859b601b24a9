using System.ComponentModel.DataAnnotations;
using CilPortal.Domain.Scoring;
using CilPortal.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.Gestion.Epci.Cotation;

/// <summary>
/// One version of the grid: a draft is edited here (points, labels, groups, caps, criteria added or removed);
/// a published version is shown read-only. Nothing is saved unless the whole grid is valid.
/// </summary>
public class EditModel(CilPortalDbContext db) : PageModel
{
    public ScoringGrid Grid { get; private set; } = new();

    [BindProperty]
    public GridInput Input { get; set; } = new();

    [BindProperty]
    public NewCriterionInput NewCriterion { get; set; } = new();

    /// <summary>The criteria in display order, matched by position with <see cref="GridInput.Criteria"/>.</summary>
    public IReadOnlyList<ScoringCriterion> Criteria { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = GridInput.From(Grid, Criteria);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        KeepModelStateOf("Input.");

        if (!RefuseIfPublished())
        {
            return Page();
        }

        // Values that could not be read keep their previous value, so that the grid's own checks below
        // add only real problems; nothing is saved unless every check passes.
        Grid.Title = Input.Title?.Trim() ?? "";
        Grid.Decision = string.IsNullOrWhiteSpace(Input.Decision) ? null : Input.Decision.Trim();
        for (var i = 0; i < Input.Criteria.Count; i++)
        {
            var row = Input.Criteria[i];
            var criterion = Grid.Criteria.SingleOrDefault(c => c.Id == row.Id);
            if (criterion is null)
            {
                ModelState.AddModelError(string.Empty, "La grille a changé pendant votre modification : rechargez la page.");
                return Page();
            }

            if (row.Remove)
            {
                Grid.Criteria.Remove(criterion);
                continue;
            }

            criterion.Label = row.Label?.Trim() ?? "";
            criterion.Points = row.Points ?? criterion.Points;
            criterion.Group = row.Group?.Trim() ?? "";
            criterion.MaxPoints = criterion.Kind == ScoringCriterionKind.Seniority ? row.MaxPoints : null;
            criterion.DurationMonths = criterion.Kind == ScoringCriterionKind.RefusalPenalty ? row.DurationMonths : null;
            criterion.Threshold = criterion.Condition == ScoringCondition.HousingCostBurden ? row.Threshold : null;
        }

        var groups = Grid.Criteria.Select(c => c.Group).Where(g => g.Length > 0).ToHashSet(StringComparer.Ordinal);
        Grid.Caps.RemoveAll(cap => !groups.Contains(cap.Group));
        foreach (var capInput in Input.Caps.Where(c => c.Group is not null && groups.Contains(c.Group)))
        {
            var cap = Grid.Caps.SingleOrDefault(c => c.Group == capInput.Group);
            if (capInput.MaxPoints is null)
            {
                if (cap is not null)
                {
                    Grid.Caps.Remove(cap);
                }
            }
            else if (cap is null)
            {
                Grid.Caps.Add(new ScoringGroupCap { Group = capInput.Group!, MaxPoints = capInput.MaxPoints.Value });
            }
            else
            {
                cap.MaxPoints = capInput.MaxPoints.Value;
            }
        }

        if (!db.ExpectVersion(Grid, Input.RowVersion))
        {
            ModelState.AddModelError(string.Empty, Concurrency.Message);
            return Page();
        }

        return await SaveIfValidAsync("Le brouillon est enregistré.", cancellationToken);
    }

    public async Task<IActionResult> OnPostAddAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = GridInput.From(Grid, Criteria);
        KeepModelStateOf("NewCriterion.");

        if (!RefuseIfPublished() || !ModelState.IsValid)
        {
            return Page();
        }

        var kind = NewCriterion.Kind!.Value;
        var criterion = new ScoringCriterion
        {
            Code = NewCriterion.Code?.Trim().ToUpperInvariant() ?? "",
            Kind = kind,
            Condition = kind == ScoringCriterionKind.Situation ? NewCriterion.Condition : null,
            Label = string.IsNullOrWhiteSpace(NewCriterion.Label)
                ? kind == ScoringCriterionKind.Situation && NewCriterion.Condition is { } condition ? condition.French() : ""
                : NewCriterion.Label.Trim(),
            Points = NewCriterion.Points ?? 0,
            MaxPoints = kind == ScoringCriterionKind.Seniority ? NewCriterion.MaxPoints : null,
            DurationMonths = kind == ScoringCriterionKind.RefusalPenalty ? NewCriterion.DurationMonths : null,
            Threshold = NewCriterion.Condition == ScoringCondition.HousingCostBurden && kind == ScoringCriterionKind.Situation
                ? NewCriterion.Threshold ?? HousingCost.DefaultThresholdPercent : null,
            Group = NewCriterion.Group?.Trim() ?? "",
            DisplayOrder = (Grid.Criteria.Count == 0 ? 0 : Grid.Criteria.Max(c => c.DisplayOrder)) + 10,
        };
        Grid.Criteria.Add(criterion);

        // A criterion added is a change of the grid: a form of the grid drawn before it is now out of date.
        db.Entry(Grid).Property(g => g.RowVersion).IsModified = true;
        return await SaveIfValidAsync($"Le critère {criterion.Code} est ajouté au brouillon.", cancellationToken);
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = GridInput.From(Grid, Criteria);
        ModelState.Clear();
        if (!RefuseIfPublished())
        {
            return Page();
        }

        db.ScoringGrids.Remove(Grid);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = $"Le brouillon de la version {Grid.Version} est supprimé.";
        return RedirectToPage("Index");
    }

    private async Task<IActionResult> SaveIfValidAsync(string message, CancellationToken cancellationToken)
    {
        foreach (var problem in Grid.Validate())
        {
            ModelState.AddModelError(string.Empty, problem);
        }

        if (!ModelState.IsValid)
        {
            // Nothing is written: the page shows what was typed, with the reasons.
            return Page();
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, Concurrency.Message);
            return Page();
        }

        TempData["Message"] = message;
        return RedirectToPage("Edit", new { id = Grid.Id });
    }

    /// <summary>The page has two forms: only the one posted is checked (the other binds to nothing).</summary>
    private void KeepModelStateOf(string prefix)
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(prefix, StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }
    }

    private bool RefuseIfPublished()
    {
        if (Grid.IsPublished)
        {
            ModelState.AddModelError(string.Empty, $"La version {Grid.Version} est publiée : elle ne peut plus être modifiée. Préparez une nouvelle version.");
            return false;
        }

        return true;
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var grid = await db.ScoringGrids.Include(g => g.Criteria).Include(g => g.Caps).AsSplitQuery().SingleOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (grid is null)
        {
            return false;
        }

        Grid = grid;
        Criteria = [.. grid.Criteria.OrderBy(c => c.DisplayOrder).ThenBy(c => c.Code, StringComparer.Ordinal)];
        return true;
    }

    public sealed class GridInput
    {
        [Display(Name = "titre")]
        [Required(ErrorMessage = "Donnez un titre à la grille.")]
        [StringLength(200, ErrorMessage = "Le titre ne doit pas dépasser 200 caractères.")]
        public string? Title { get; set; }

        [Display(Name = "décision d'adoption")]
        [StringLength(500, ErrorMessage = "La référence de la décision ne doit pas dépasser 500 caractères.")]
        public string? Decision { get; set; }

        public List<CriterionInput> Criteria { get; set; } = [];

        public List<CapInput> Caps { get; set; } = [];

        /// <summary>The version of the grid the form was drawn from (hidden field): a save from an older one is refused.</summary>
        public int? RowVersion { get; set; }

        public static GridInput From(ScoringGrid grid, IReadOnlyList<ScoringCriterion> criteria) => new()
        {
            RowVersion = grid.RowVersion,
            Title = grid.Title,
            Decision = grid.Decision,
            Criteria = [.. criteria.Select(c => new CriterionInput
            {
                Id = c.Id,
                Label = c.Label,
                Points = c.Points,
                MaxPoints = c.MaxPoints,
                DurationMonths = c.DurationMonths,
                Threshold = c.Threshold,
                Group = c.Group,
            })],
            Caps = [.. criteria.Select(c => c.Group).Where(g => g.Length > 0).Distinct(StringComparer.Ordinal)
                .Select(g => new CapInput { Group = g, MaxPoints = grid.Caps.FirstOrDefault(c => c.Group == g)?.MaxPoints })],
        };
    }

    public sealed class CriterionInput : CriterionValuesInput
    {
        public int Id { get; set; }

        [Display(Name = "libellé")]
        [Required(ErrorMessage = "Chaque critère doit avoir un libellé.")]
        [StringLength(200, ErrorMessage = "Un libellé ne doit pas dépasser 200 caractères.")]
        public string? Label { get; set; }

        [Display(Name = "points")]
        [Required(ErrorMessage = "Indiquez les points de chaque critère.")]
        [Range(0, 1000, ErrorMessage = "Les points sont compris entre 0 et 1 000.")]
        public int? Points { get; set; }

        public bool Remove { get; set; }
    }

    public sealed class CapInput
    {
        public string? Group { get; set; }

        [Display(Name = "plafond")]
        [Range(0, 10000, ErrorMessage = "Un plafond est compris entre 0 et 10 000 points.")]
        public int? MaxPoints { get; set; }
    }

    public sealed class NewCriterionInput : CriterionValuesInput
    {
        [Display(Name = "type")]
        [Required(ErrorMessage = "Choisissez le type du critère.")]
        [EnumDataType(typeof(ScoringCriterionKind), ErrorMessage = "Choisissez le type du critère.")]
        public ScoringCriterionKind? Kind { get; set; } = ScoringCriterionKind.Situation;

        [Display(Name = "situation")]
        [EnumDataType(typeof(ScoringCondition), ErrorMessage = "Choisissez une situation de la liste.")]
        public ScoringCondition? Condition { get; set; }

        [Display(Name = "code")]
        [Required(ErrorMessage = "Donnez un code au critère (par exemple SUROCC).")]
        [RegularExpression("^[A-Za-z0-9_-]{1,20}$", ErrorMessage = "Le code fait de 1 à 20 caractères : lettres sans accent, chiffres, - ou _.")]
        public string? Code { get; set; }

        [Display(Name = "libellé")]
        [StringLength(200, ErrorMessage = "Le libellé ne doit pas dépasser 200 caractères.")]
        public string? Label { get; set; }

        [Display(Name = "points")]
        [Required(ErrorMessage = "Indiquez les points du critère.")]
        [Range(0, 1000, ErrorMessage = "Les points sont compris entre 0 et 1 000.")]
        public int? Points { get; set; }

    }

    /// <summary>The values every kind of criterion may carry, for an existing criterion and a new one.</summary>
    public abstract class CriterionValuesInput
    {
        [Display(Name = "maximum")]
        [Range(1, 10000, ErrorMessage = "Le maximum d'ancienneté est compris entre 1 et 10 000 points.")]
        public int? MaxPoints { get; set; }

        [Display(Name = "durée")]
        [Range(1, 60, ErrorMessage = "Un refus compte entre 1 et 60 mois.")]
        public int? DurationMonths { get; set; }

        [Display(Name = "seuil")]
        [Range(typeof(decimal), "1", "100", ErrorMessage = "Le seuil de taux d'effort est un pourcentage entre 1 et 100.")]
        public decimal? Threshold { get; set; }

        [Display(Name = "groupe")]
        [StringLength(100, ErrorMessage = "Un nom de groupe ne doit pas dépasser 100 caractères.")]
        public string? Group { get; set; }
    }
}
