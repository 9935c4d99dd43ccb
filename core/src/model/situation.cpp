#include "atlas/model/situation.h"

namespace atlas {

SiteStatus Site::statusOn(Date day) const {
    SiteStatus status = SiteStatus::Unknown;
    for (const SiteStatusChange& change : history) {
        if (change.date > day) break;
        status = change.status;
    }
    return status;
}

} // namespace atlas
