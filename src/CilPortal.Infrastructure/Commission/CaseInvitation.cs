namespace CilPortal.Infrastructure.Commission;

/// <summary>An agent (reception desk or bailleur) invited to a coordination case: they may read it and mark their actions done.</summary>
public class CaseInvitation
{
    public int CaseId { get; set; }

    public string UserId { get; set; } = "";

    public DateTimeOffset InvitedAt { get; set; }

    public string InvitedBy { get; set; } = "";
}
