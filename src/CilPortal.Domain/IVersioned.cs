namespace CilPortal.Domain;

/// <summary>
/// A record that two people may edit at the same time. <see cref="RowVersion"/> goes up by one at every save; an edit form
/// carries the version it was drawn from, and a save from an older version is refused instead of overwriting the
/// other person's changes.
/// </summary>
public interface IVersioned
{
    int RowVersion { get; set; }
}
