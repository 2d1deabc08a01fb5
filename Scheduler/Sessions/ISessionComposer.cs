namespace Beacon.Scheduler.Sessions;

public interface ISessionComposer
{
    SessionPlan Compose(SessionRequest request);
}
