using CilPortal.Infrastructure.Data;

namespace CilPortal.Infrastructure.Reception;

/// <summary>Writes who opened which demand, when and why (saved with the caller's unit of work or at once).</summary>
public sealed class DemandAccessAudit(CilPortalDbContext db, TimeProvider time)
{
    public async Task LogAsync(string? userName, int demandId, DemandAccessPurpose purpose, string action, CancellationToken cancellationToken = default)
    {
        db.DemandAccessLogs.Add(new DemandAccessLog
        {
            At = time.GetUtcNow(),
            UserName = userName ?? "",
            DemandId = demandId,
            Purpose = purpose,
            Action = action,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
