using CilPortal.Infrastructure.Access;
using CilPortal.Domain.Demands;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Email;
using CilPortal.Infrastructure.Scoring;
using CilPortal.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace CilPortal.Infrastructure.Demands;

/// <summary>
/// The one way the portal records an event on a demand: the event, the state derived from it and the notice
/// to the applicant (when they want notices) are saved together; the score follows.
/// </summary>
public sealed class DemandEventRecorder(CilPortalDbContext db, Outbox outbox, JobOptions options, ScoringService scoring, ParisClock clock)
{
    /// <summary>How old an event can be and still be told to the applicant.</summary>
    public const int NoticeWindowDays = 7;

    public async Task<bool> RecordAsync(int demandId, DemandEvent demandEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(demandEvent);
        var demand = await db.Demands.Include(d => d.Events).SingleOrDefaultAsync(d => d.Id == demandId, cancellationToken);
        if (demand is null)
        {
            return false;
        }

        Record(demand, demandEvent);
        await db.SaveChangesAsync(cancellationToken);
        await scoring.RefreshDemandAsync(demandId, clock.Today, cancellationToken);
        return true;
    }

    /// <summary>Records the event on a tracked demand (its events loaded) and queues its notice; the caller saves.</summary>
    public void Record(Demand demand, DemandEvent demandEvent)
    {
        ArgumentNullException.ThrowIfNull(demand);
        ArgumentNullException.ThrowIfNull(demandEvent);
        var wasStruckOff = demand.Status == DemandStatus.StruckOff;
        DemandHistory.Record(demand, demandEvent);

        // Only news is told: an event of the last days on a demand still alive (an import of old history sends nothing).
        var isNews = !wasStruckOff && demandEvent.OccurredOn >= clock.Today.AddDays(-NoticeWindowDays);
        if (isNews && DemandHistory.IsNoticeWorthy(demandEvent.Kind) && demand.StatusNotices && demand.NoticeEmail is { } to)
        {
            demand.NoticeToken ??= UrlTokens.New();
            var portal = options.PublicUrl.TrimEnd('/');
            outbox.Enqueue(EmailTemplates.StatusNotice(to, demand.Nur, demandEvent.OccurredOn, demandEvent.Detail ?? EventText(demandEvent.Kind), portal, options.EpciName, $"{portal}/desabonnement/{demand.NoticeToken}"));
        }
    }

    private static string EventText(DemandEventKind kind) => kind switch
    {
        DemandEventKind.PriorityPublicLabel => "Votre demande est reconnue comme public prioritaire.",
        DemandEventKind.DaloLabel => "Votre demande est reconnue prioritaire et urgente au titre du DALO.",
        DemandEventKind.Designated => "Votre candidature a été présentée pour un logement.",
        DemandEventKind.CaleolDecision => "La commission d'attribution a rendu une décision sur votre candidature.",
        DemandEventKind.OfferMade => "Un logement vous est proposé : répondez dans les 10 jours.",
        DemandEventKind.LeaseSigned => "Votre bail est signé : votre demande est satisfaite.",
        DemandEventKind.StruckOff => "Votre demande a été radiée.",
        _ => "Votre demande a changé.",
    };
}
