namespace Beacon.Bot.Campaigns;

using Beacon.Dialogs.Campaigns;
using Beacon.Scheduler.Reports;

/// <summary>Registers campaign reports: the report service, the CSV link signer and issuer.</summary>
public static class CampaignReportServices
{
    public static IServiceCollection AddCampaignReports(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<CampaignReportOptions>().Bind(configuration.GetSection(CampaignReportOptions.Section));
        services.AddSingleton<ReportLinkSigner>();
        services.AddSingleton<ICampaignReportLinks, CampaignReportLinks>();
        services.AddSingleton<CampaignReportService>();
        return services;
    }
}
