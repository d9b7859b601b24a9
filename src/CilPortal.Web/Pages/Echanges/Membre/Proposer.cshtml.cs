using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CilPortal.Infrastructure.Exchanges;
using Microsoft.AspNetCore.Mvc;

namespace CilPortal.Web.Pages.Echanges.Membre;

/// <summary>
/// Confirms a swap or chain found on « Compatibles avec moi » and sends it: the proposer accepts at once with the number of
/// their social-housing demand (each household of an exchange needs one: it is a new allocation).
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(CilPortal.Web.Infrastructure.RateLimits.AccountForm)]
public class ProposerModel(ExchangeService exchanges, ExchangeMatching matching) : MemberPageModel(exchanges)
{
    [BindProperty(SupportsGet = true, Name = "annonces")]
    public string? ListingIds { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Saisissez le numéro unique de votre demande de logement social.")]
    [StringLength(30, ErrorMessage = "Le numéro unique compte 18 caractères.")]
    public string? Nur { get; set; }

    [BindProperty]
    public bool SharesContact { get; set; }

    public ExchangeCycleView? Cycle { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await Exchanges.ProposeAsync(Member.Id, Cycle!.Cycle.ListingIds, Nur, cancellationToken);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Field, error.Message);
            }

            return Page();
        }

        if (SharesContact)
        {
            await Exchanges.ShareContactAsync(Member.Id, result.Id!.Value, true, cancellationToken);
        }

        TempData["Message"] = "Votre proposition est envoyée. Les autres ménages ont 14 jours pour répondre.";
        return Redirect($"/echanges/propositions/{result.Id}");
    }

    /// <summary>The cycle named by the address, if it is still one of the member's possible exchanges.</summary>
    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var ids = (ListingIds ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(text => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : -1).ToList();
        if (ids.Count is < 2 or > 3 || ids.Contains(-1))
        {
            return false;
        }

        var compatible = await matching.CompatibleAsync(Member.Id, cancellationToken: cancellationToken);
        Cycle = compatible.Cycles.FirstOrDefault(c => c.Cycle.ListingIds.SequenceEqual(ids));
        return Cycle is not null;
    }
}
