using System.ComponentModel.DataAnnotations;
using CilPortal.Domain.Appointments;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Web.Pages.Gestion.Accueil;

/// <summary>The weekly appointment hours of a reception point, kept by its agents (and the EPCI). Closures are kept on the place itself.</summary>
public class HorairesModel(CilPortalDbContext db, CilPortal.Infrastructure.Reception.ReceptionAgentPlaces agentPlaces) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "lieu")]
    public int? PlaceId { get; set; }

    [BindProperty]
    public ScheduleInput Input { get; set; } = new();

    public IReadOnlyList<(int Id, string Name)> Places { get; private set; } = [];

    public IReadOnlyList<AppointmentSchedule> Schedules { get; private set; } = [];

    /// <summary>The request named a place the agent does not work at: shown their own, never changed.</summary>
    public bool OtherPlaceRequested { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (OtherPlaceRequested || PlaceId is not { } place)
        {
            return NotFound();
        }

        if (Input.Start is { } start && Input.End is { } end)
        {
            if (end <= start)
            {
                ModelState.AddModelError("Input.End", "L'heure de fin doit être après l'heure de début.");
            }
            else if (Schedules.Any(s => s.Day == Input.Day && s.Start < end && start < s.End))
            {
                ModelState.AddModelError("Input.Start", "Ces horaires chevauchent une plage existante du même jour.");
            }
            else if (Input.SlotMinutes is { } minutes && (end - start).TotalMinutes < minutes)
            {
                ModelState.AddModelError("Input.SlotMinutes", "La plage est plus courte qu'un créneau.");
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        db.AppointmentSchedules.Add(new AppointmentSchedule
        {
            ReceptionPointId = place,
            Day = Input.Day!.Value,
            Start = Input.Start!.Value,
            End = Input.End!.Value,
            SlotMinutes = Input.SlotMinutes!.Value,
            Capacity = Input.Capacity!.Value,
        });
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = "La plage de rendez-vous est ajoutée.";
        return Redirect($"/gestion/accueil/horaires?lieu={place}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var schedule = Schedules.FirstOrDefault(s => s.Id == id);
        if (schedule is null)
        {
            return NotFound();
        }

        db.AppointmentSchedules.Remove(schedule);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = "La plage est supprimée ; les rendez-vous déjà pris sont maintenus.";
        return Redirect($"/gestion/accueil/horaires?lieu={schedule.ReceptionPointId}");
    }

    public static string DayLabel(DayOfWeek day) => System.Globalization.CultureInfo.GetCultureInfo("fr-FR").DateTimeFormat.GetDayName(day);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Places = await agentPlaces.ForAsync(User, cancellationToken);
        if (PlaceId is not null && !Places.Any(p => p.Id == PlaceId))
        {
            OtherPlaceRequested = true;
        }

        if (PlaceId is null || OtherPlaceRequested)
        {
            PlaceId = Places.Count > 0 ? Places[0].Id : null;
        }

        Schedules = PlaceId is { } place
            ? [.. (await db.AppointmentSchedules.Where(s => s.ReceptionPointId == place).ToListAsync(cancellationToken)).OrderBy(s => ((int)s.Day + 6) % 7).ThenBy(s => s.Start)]
            : [];
    }

    public sealed class ScheduleInput
    {
        [Display(Name = "jour")]
        [Required(ErrorMessage = "Choisissez le jour.")]
        [EnumDataType(typeof(DayOfWeek), ErrorMessage = "Choisissez un jour de la liste.")]
        public DayOfWeek? Day { get; set; }

        [Display(Name = "début")]
        [Required(ErrorMessage = "Indiquez l'heure de début.")]
        public TimeOnly? Start { get; set; }

        [Display(Name = "fin")]
        [Required(ErrorMessage = "Indiquez l'heure de fin.")]
        public TimeOnly? End { get; set; }

        [Display(Name = "durée d'un créneau")]
        [Required(ErrorMessage = "Indiquez la durée d'un créneau.")]
        [Range(10, 120, ErrorMessage = "Un créneau dure de 10 à 120 minutes.")]
        public int? SlotMinutes { get; set; } = 30;

        [Display(Name = "personnes par créneau")]
        [Required(ErrorMessage = "Indiquez combien de personnes sont reçues par créneau.")]
        [Range(1, 20, ErrorMessage = "De 1 à 20 personnes par créneau.")]
        public int? Capacity { get; set; } = 1;
    }
}
