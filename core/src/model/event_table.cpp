#include "atlas/model/event_table.h"

#include <bit>
#include <cmath>
#include <cstring>
#include <stdexcept>

namespace atlas {

// --- StringPool -----------------------------------------------------------------------------

std::uint32_t StringPool::intern(std::string_view text) {
    if (const auto found = m_refs.find(text); found != m_refs.end()) return found->second;
    const auto ref = static_cast<std::uint32_t>(m_strings.size());
    m_strings.emplace_back(text);
    m_refs.emplace(m_strings.back(), ref);
    return ref;
}

void StringPool::rename(const std::unordered_map<std::string, std::string>& renamed) {
    bool any = false;
    for (std::string& text : m_strings)
        if (const auto found = renamed.find(text); found != renamed.end()) {
            text = found->second;
            any = true;
        }
    if (!any) return;
    m_refs.clear();
    for (std::uint32_t ref = 0; ref < m_strings.size(); ++ref) m_refs.try_emplace(m_strings[ref], ref); // the first keeps an equal text
}

std::size_t StringPool::memoryBytes() const {
    std::size_t bytes = m_strings.capacity() * sizeof(std::string);
    for (const std::string& s : m_strings) bytes += (s.capacity() > 15 ? s.capacity() : 0) + 2 * sizeof(std::string) + 32;
    return bytes;
}

// --- casualty columns -----------------------------------------------------------------------

void EventTable::CasualtyColumns::push(const CasualtyCount& count) {
    qualifier.push_back(static_cast<std::uint8_t>(count.qualifier));
    low.push_back(count.low.value_or(kNone));
    high.push_back(count.high.value_or(kNone));
}

void EventTable::CasualtyColumns::set(std::size_t row, const CasualtyCount& count) {
    qualifier[row] = static_cast<std::uint8_t>(count.qualifier);
    low[row] = count.low.value_or(kNone);
    high[row] = count.high.value_or(kNone);
}

CasualtyCount EventTable::CasualtyColumns::at(std::size_t row) const {
    CasualtyCount count;
    count.qualifier = static_cast<CountQualifier>(qualifier[row]);
    if (low[row] != kNone) count.low = low[row];
    if (high[row] != kNone) count.high = high[row];
    return count;
}

void EventTable::CasualtyColumns::reserve(std::size_t n) {
    qualifier.reserve(n);
    low.reserve(n);
    high.reserve(n);
}

std::size_t EventTable::CasualtyColumns::memoryBytes() const {
    return qualifier.capacity() + (low.capacity() + high.capacity()) * sizeof(std::int32_t);
}

// --- EventTable -----------------------------------------------------------------------------

void EventTable::reserve(std::size_t count) {
    m_idBegin.reserve(count);
    m_idLength.reserve(count);
    m_actorCount.reserve(count);
    m_day.reserve(count);
    m_endDay.reserve(count);
    m_type.reserve(count);
    m_datePrecision.reserve(count);
    m_placePrecision.reserve(count);
    m_civilianTargeting.reserve(count);
    m_point.reserve(count);
    m_placeName.reserve(count);
    m_admin1.reserve(count);
    m_admin2.reserve(count);
    m_actorBegin.reserve(count);
    m_perpetratorCount.reserve(count);
    m_killed.reserve(count);
    m_wounded.reserve(count);
    m_detailSource.reserve(count);
    m_detailKey.reserve(count);
    m_origin.reserve(count);
    m_record.reserve(count);
}

EventDetails EventTable::detailsOf(const Event& event) {
    return {event.description, event.sources, event.tags, event.links,
            event.extra, event.place.extra, event.killed.extra, event.wounded.extra};
}

EventDetails EventTable::detailsOf(Event&& event) {
    return {std::move(event.description), std::move(event.sources), std::move(event.tags), std::move(event.links),
            std::move(event.extra), std::move(event.place.extra), std::move(event.killed.extra), std::move(event.wounded.extra)};
}

void EventTable::pushId(std::string_view id) {
    if (id.size() > 0xffff) throw std::length_error("an event id longer than 65535 bytes");
    m_idBegin.push_back(static_cast<std::uint32_t>(m_idChars.size()));
    m_idLength.push_back(static_cast<std::uint16_t>(id.size()));
    m_idChars.append(id);
}

void EventTable::pushActors(std::span<const std::string_view> perpetrators, std::span<const std::string_view> targets) {
    if (perpetrators.size() + targets.size() > 0xffff) throw std::length_error("an event with over 65535 actors");
    m_actorBegin.push_back(static_cast<std::uint32_t>(m_actorRefs.size()));
    for (const std::string_view id : perpetrators) m_actorRefs.push_back(m_actorIds.intern(id));
    for (const std::string_view id : targets) m_actorRefs.push_back(m_actorIds.intern(id));
    m_actorCount.push_back(static_cast<std::uint16_t>(perpetrators.size() + targets.size()));
    m_perpetratorCount.push_back(static_cast<std::uint16_t>(perpetrators.size()));
}

namespace {

// An Event's columns as views (its actor lists copied into `actors`, which must outlive the row).
EventRow rowOf(const Event& event, std::vector<std::string_view>& actors) {
    actors.clear();
    for (const std::string& id : event.perpetrators) actors.push_back(id);
    for (const std::string& id : event.targets) actors.push_back(id);
    const std::span<const std::string_view> all(actors);
    return {event.id, event.date, event.endDate, event.type, event.datePrecision, event.place.point, event.place.precision,
            event.place.name, event.place.admin1, event.place.admin2, all.first(event.perpetrators.size()),
            all.subspan(event.perpetrators.size()), event.killed, event.wounded, event.civilianTargeting};
}

} // namespace

void EventTable::pushColumns(const Event& event) {
    std::vector<std::string_view> actors;
    pushColumns(rowOf(event, actors));
}

void EventTable::pushColumns(const EventRow& row) {
    pushId(row.id);
    m_day.push_back(row.date.daysSinceEpoch());
    m_endDay.push_back(row.endDate ? row.endDate->daysSinceEpoch() : kNone);
    m_type.push_back(static_cast<std::uint8_t>(row.type));
    m_datePrecision.push_back(static_cast<std::uint8_t>(row.datePrecision));
    m_placePrecision.push_back(static_cast<std::uint8_t>(row.placePrecision));
    m_civilianTargeting.push_back(row.civilianTargeting ? 1 : 0);
    m_point.push_back(row.point);
    m_placeName.push_back(m_strings.intern(row.placeName));
    m_admin1.push_back(m_strings.intern(row.admin1));
    m_admin2.push_back(m_strings.intern(row.admin2));
    pushActors(row.perpetrators, row.targets);
    m_killed.push(row.killed);
    m_wounded.push(row.wounded);
    pushProvenance();
}

void EventTable::pushProvenance() {
    m_record.push_back(static_cast<std::int64_t>(m_origin.size()));
    m_origin.push_back(kNoOrigin);
}

void EventTable::setOrigin(const RecordOrigin& origin) {
    m_origins = {origin};
    std::fill(m_origin.begin(), m_origin.end(), std::uint16_t{0});
}

void EventTable::setRecords(std::span<const std::int64_t> records) {
    if (records.size() != size()) throw std::invalid_argument("one record per event");
    m_record.assign(records.begin(), records.end());
}

void EventTable::renumberRecords(std::span<const std::int64_t> numbers) {
    for (std::int64_t& record : m_record)
        if (record >= 0 && static_cast<std::size_t>(record) < numbers.size()) record = numbers[static_cast<std::size_t>(record)];
}

std::optional<EventProvenance> EventTable::provenance(std::size_t row) const {
    if (m_origin[row] == kNoOrigin) return std::nullopt;
    return EventProvenance{m_origins[m_origin[row]], m_record[row]};
}

std::vector<std::uint16_t> EventTable::joinOrigins(const EventTable& other) {
    std::vector<std::uint16_t> originOf(other.m_origins.size());
    for (std::size_t i = 0; i < other.m_origins.size(); ++i) {
        const auto found = std::find(m_origins.begin(), m_origins.end(), other.m_origins[i]);
        if (found == m_origins.end() && m_origins.size() >= kNoOrigin) throw std::length_error("more than 65534 files in one table");
        originOf[i] = static_cast<std::uint16_t>(found - m_origins.begin());
        if (found == m_origins.end()) m_origins.push_back(other.m_origins[i]);
    }
    return originOf;
}

void EventTable::push_back(const Event& event) {
    pushColumns(event);
    m_detailSource.push_back(kInMemory);
    m_detailKey.push_back(static_cast<std::int64_t>(m_inMemory.size()));
    m_inMemory.push_back(detailsOf(event));
}

void EventTable::push_back(Event&& event) {
    pushColumns(event);
    m_detailSource.push_back(kInMemory);
    m_detailKey.push_back(static_cast<std::int64_t>(m_inMemory.size()));
    m_inMemory.push_back(detailsOf(std::move(event)));
}

void EventTable::pushDetailsIn(const std::shared_ptr<const EventDetailSource>& source, std::int64_t key) {
    std::size_t index = 0;
    while (index < m_sources.size() && m_sources[index] != source) ++index;
    if (index == m_sources.size()) {
        if (m_sources.size() >= kInMemory) throw std::length_error("more than 65534 detail sources in one table");
        m_sources.push_back(source);
    }
    m_detailSource.push_back(static_cast<std::uint16_t>(index));
    m_detailKey.push_back(key);
}

void EventTable::pushWithDetailsIn(const Event& event, const std::shared_ptr<const EventDetailSource>& source,
                                   std::int64_t key) {
    pushColumns(event);
    pushDetailsIn(source, key);
}

void EventTable::pushWithDetailsIn(const EventRow& row, const std::shared_ptr<const EventDetailSource>& source,
                                   std::int64_t key) {
    pushColumns(row);
    pushDetailsIn(source, key);
}

void EventTable::keepOnly(std::span<const std::uint32_t> rows) {
    EventTable kept;
    kept.append(*this, rows);
    *this = std::move(kept);
}

void EventTable::setColumns(std::size_t row, const Event& event) {
    if (event.id != id(row)) setId(row, event.id);
    m_day[row] = event.date.daysSinceEpoch();
    m_endDay[row] = event.endDate ? event.endDate->daysSinceEpoch() : kNone;
    m_type[row] = static_cast<std::uint8_t>(event.type);
    m_datePrecision[row] = static_cast<std::uint8_t>(event.datePrecision);
    m_placePrecision[row] = static_cast<std::uint8_t>(event.place.precision);
    m_civilianTargeting[row] = event.civilianTargeting ? 1 : 0;
    m_point[row] = event.place.point;
    m_placeName[row] = m_strings.intern(event.place.name);
    m_admin1[row] = m_strings.intern(event.place.admin1);
    m_admin2[row] = m_strings.intern(event.place.admin2);
    // The new actor list goes to the end of the array; the row points there.
    std::vector<std::string_view> actors;
    const EventRow columns = rowOf(event, actors);
    pushActors(columns.perpetrators, columns.targets);
    m_actorBegin[row] = m_actorBegin.back();
    m_actorCount[row] = m_actorCount.back();
    m_perpetratorCount[row] = m_perpetratorCount.back();
    m_actorBegin.pop_back();
    m_actorCount.pop_back();
    m_perpetratorCount.pop_back();
    m_killed.set(row, event.killed);
    m_wounded.set(row, event.wounded);
}

void EventTable::set(std::size_t row, const Event& event) {
    setColumns(row, event);
    if (m_detailSource[row] == kInMemory) {
        m_inMemory[static_cast<std::size_t>(m_detailKey[row])] = detailsOf(event);
    } else {
        m_detailSource[row] = kInMemory;
        m_detailKey[row] = static_cast<std::int64_t>(m_inMemory.size());
        m_inMemory.push_back(detailsOf(event));
    }
}

void EventTable::setId(std::size_t row, std::string_view newId) {
    pushId(newId);
    m_idBegin[row] = m_idBegin.back();
    m_idLength[row] = m_idLength.back();
    m_idBegin.pop_back();
    m_idLength.pop_back();
}

void EventTable::renameIds(const std::unordered_map<std::string, std::string>& renamed) {
    if (renamed.empty()) return;
    for (std::size_t row = 0; row < size(); ++row)
        if (const auto found = renamed.find(std::string(id(row))); found != renamed.end()) setId(row, found->second);
}

void EventTable::appendRow(const EventTable& other, std::size_t row, std::uint16_t sourceOffset,
                           const std::vector<std::uint16_t>& originOf) {
    m_origin.push_back(other.m_origin[row] == kNoOrigin ? kNoOrigin : originOf[other.m_origin[row]]);
    m_record.push_back(other.m_record[row]);
    pushId(other.id(row));
    m_day.push_back(other.m_day[row]);
    m_endDay.push_back(other.m_endDay[row]);
    m_type.push_back(other.m_type[row]);
    m_datePrecision.push_back(other.m_datePrecision[row]);
    m_placePrecision.push_back(other.m_placePrecision[row]);
    m_civilianTargeting.push_back(other.m_civilianTargeting[row]);
    m_point.push_back(other.m_point[row]);
    m_placeName.push_back(m_strings.intern(other.placeName(row)));
    m_admin1.push_back(m_strings.intern(other.admin1(row)));
    m_admin2.push_back(m_strings.intern(other.admin2(row)));
    m_actorBegin.push_back(static_cast<std::uint32_t>(m_actorRefs.size()));
    for (const std::uint32_t ref : other.actorRefs(row)) m_actorRefs.push_back(m_actorIds.intern(other.m_actorIds.at(ref)));
    m_actorCount.push_back(other.m_actorCount[row]);
    m_perpetratorCount.push_back(other.m_perpetratorCount[row]);
    m_killed.push(other.killed(row));
    m_wounded.push(other.wounded(row));
    if (other.m_detailSource[row] == kInMemory) {
        m_detailSource.push_back(kInMemory);
        m_detailKey.push_back(static_cast<std::int64_t>(m_inMemory.size()));
        m_inMemory.push_back(other.m_inMemory[static_cast<std::size_t>(other.m_detailKey[row])]);
    } else {
        m_detailSource.push_back(static_cast<std::uint16_t>(other.m_detailSource[row] + sourceOffset));
        m_detailKey.push_back(other.m_detailKey[row]);
    }
}

void EventTable::append(const EventTable& other, std::span<const std::uint32_t> rows) {
    // The other table's sources join ours (events keep their details where they are).
    const auto sourceOffset = static_cast<std::uint16_t>(m_sources.size());
    m_sources.insert(m_sources.end(), other.m_sources.begin(), other.m_sources.end());
    const std::vector<std::uint16_t> originOf = joinOrigins(other);
    reserve(size() + rows.size());
    for (const std::uint32_t row : rows) appendRow(other, row, sourceOffset, originOf);
}

void EventTable::append(const EventTable& other) {
    // Whole columns at once: pooled strings and detail sources are mapped once, not per row.
    std::vector<std::uint16_t> sourceOf(other.m_sources.size());
    for (std::size_t i = 0; i < other.m_sources.size(); ++i) {
        std::size_t index = 0;
        while (index < m_sources.size() && m_sources[index] != other.m_sources[i]) ++index;
        if (index == m_sources.size()) {
            if (m_sources.size() >= kInMemory) throw std::length_error("more than 65534 detail sources in one table");
            m_sources.push_back(other.m_sources[i]);
        }
        sourceOf[i] = static_cast<std::uint16_t>(index);
    }
    std::vector<std::uint32_t> stringOf(other.m_strings.size()), actorOf(other.m_actorIds.size());
    for (std::uint32_t ref = 0; ref < stringOf.size(); ++ref) stringOf[ref] = m_strings.intern(other.m_strings.at(ref));
    for (std::uint32_t ref = 0; ref < actorOf.size(); ++ref) actorOf[ref] = m_actorIds.intern(other.m_actorIds.at(ref));
    auto extend = [](auto& into, const auto& from) { into.insert(into.end(), from.begin(), from.end()); };
    auto extendMapped = [](auto& into, const auto& from, const std::vector<std::uint32_t>& map) {
        into.reserve(into.size() + from.size());
        for (const std::uint32_t ref : from) into.push_back(map[ref]);
    };
    if (m_idChars.size() + other.m_idChars.size() > 0xffffffffu) throw std::length_error("event ids over 4 GB");
    const auto idOffset = static_cast<std::uint32_t>(m_idChars.size());
    m_idChars += other.m_idChars;
    m_idBegin.reserve(m_idBegin.size() + other.size());
    for (const std::uint32_t begin : other.m_idBegin) m_idBegin.push_back(begin + idOffset);
    extend(m_idLength, other.m_idLength);
    extend(m_day, other.m_day);
    extend(m_endDay, other.m_endDay);
    extend(m_type, other.m_type);
    extend(m_datePrecision, other.m_datePrecision);
    extend(m_placePrecision, other.m_placePrecision);
    extend(m_civilianTargeting, other.m_civilianTargeting);
    extend(m_point, other.m_point);
    extendMapped(m_placeName, other.m_placeName, stringOf);
    extendMapped(m_admin1, other.m_admin1, stringOf);
    extendMapped(m_admin2, other.m_admin2, stringOf);
    const auto refOffset = static_cast<std::uint32_t>(m_actorRefs.size());
    extendMapped(m_actorRefs, other.m_actorRefs, actorOf);
    m_actorBegin.reserve(m_actorBegin.size() + other.size());
    for (const std::uint32_t begin : other.m_actorBegin) m_actorBegin.push_back(begin + refOffset);
    extend(m_actorCount, other.m_actorCount);
    extend(m_perpetratorCount, other.m_perpetratorCount);
    for (auto [into, from] : {std::pair{&m_killed, &other.m_killed}, std::pair{&m_wounded, &other.m_wounded}}) {
        extend(into->qualifier, from->qualifier);
        extend(into->low, from->low);
        extend(into->high, from->high);
    }
    const std::vector<std::uint16_t> originOf = joinOrigins(other);
    m_origin.reserve(m_origin.size() + other.size());
    for (const std::uint16_t origin : other.m_origin) m_origin.push_back(origin == kNoOrigin ? kNoOrigin : originOf[origin]);
    extend(m_record, other.m_record);
    const auto memoryOffset = static_cast<std::int64_t>(m_inMemory.size());
    extend(m_inMemory, other.m_inMemory);
    m_detailSource.reserve(m_detailSource.size() + other.size());
    m_detailKey.reserve(m_detailKey.size() + other.size());
    for (std::size_t row = 0; row < other.size(); ++row) {
        const bool inMemory = other.m_detailSource[row] == kInMemory;
        m_detailSource.push_back(inMemory ? kInMemory : sourceOf[other.m_detailSource[row]]);
        m_detailKey.push_back(inMemory ? other.m_detailKey[row] + memoryOffset : other.m_detailKey[row]);
    }
}

std::optional<Date> EventTable::endDate(std::size_t row) const {
    if (m_endDay[row] == kNone) return std::nullopt;
    return Date(m_endDay[row]);
}

std::vector<std::string> EventTable::perpetrators(std::size_t row) const {
    std::vector<std::string> ids;
    const auto refs = actorRefs(row);
    for (std::size_t i = 0; i < m_perpetratorCount[row]; ++i) ids.push_back(m_actorIds.at(refs[i]));
    return ids;
}

std::vector<std::string> EventTable::targets(std::size_t row) const {
    std::vector<std::string> ids;
    const auto refs = actorRefs(row);
    for (std::size_t i = m_perpetratorCount[row]; i < refs.size(); ++i) ids.push_back(m_actorIds.at(refs[i]));
    return ids;
}

EventDetails EventTable::details(std::size_t row) const {
    if (m_detailSource[row] == kInMemory) return m_inMemory[static_cast<std::size_t>(m_detailKey[row])];
    return m_sources[m_detailSource[row]]->fetch(m_detailKey[row]);
}

Event EventTable::at(std::size_t row) const {
    Event event;
    event.id = std::string(id(row));
    event.type = type(row);
    event.date = date(row);
    event.endDate = endDate(row);
    event.datePrecision = datePrecision(row);
    event.place.point = point(row);
    event.place.precision = placePrecision(row);
    event.place.name = placeName(row);
    event.place.admin1 = admin1(row);
    event.place.admin2 = admin2(row);
    event.perpetrators = perpetrators(row);
    event.targets = targets(row);
    event.killed = killed(row);
    event.wounded = wounded(row);
    event.civilianTargeting = civilianTargeting(row);
    EventDetails more = details(row);
    event.description = std::move(more.description);
    event.sources = std::move(more.sources);
    event.tags = std::move(more.tags);
    event.links = std::move(more.links);
    event.extra = std::move(more.extra);
    event.place.extra = std::move(more.placeExtra);
    event.killed.extra = std::move(more.killedExtra);
    event.wounded.extra = std::move(more.woundedExtra);
    return event;
}

void EventTable::renameActors(const std::unordered_map<std::string, std::string>& renamed) { m_actorIds.rename(renamed); }

std::size_t EventTable::memoryBytes() const {
    std::size_t bytes = m_idChars.capacity() + m_idBegin.capacity() * 4 + m_idLength.capacity() * 2 + m_actorCount.capacity() * 2 + (m_day.capacity() + m_endDay.capacity()) * 4 +
                        m_type.capacity() + m_datePrecision.capacity() + m_placePrecision.capacity() +
                        m_civilianTargeting.capacity() + m_point.capacity() * sizeof(GeoPoint) +
                        (m_placeName.capacity() + m_admin1.capacity() + m_admin2.capacity()) * 4 +
                        (m_actorBegin.capacity() + m_actorRefs.capacity()) * 4 + m_perpetratorCount.capacity() * 2 +
                        m_killed.memoryBytes() + m_wounded.memoryBytes() + m_strings.memoryBytes() + m_actorIds.memoryBytes() +
                        m_detailSource.capacity() * 2 + m_detailKey.capacity() * 8 + m_inMemory.capacity() * sizeof(EventDetails) +
                        m_origin.capacity() * 2 + m_record.capacity() * 8;
    for (const EventDetails& d : m_inMemory) {
        bytes += d.description.capacity() > 15 ? d.description.capacity() : 0;
        for (const SourceReference& s : d.sources)
            bytes += sizeof(SourceReference) + s.publisher.size() + s.title.size() + s.date.size() + s.url.size();
    }
    return bytes;
}

// --- the column cache -----------------------------------------------------------------------

namespace {

template <typename T> std::string bytesOf(const std::vector<T>& values) {
    std::string bytes(values.size() * sizeof(T), '\0');
    if (!values.empty()) std::memcpy(bytes.data(), values.data(), bytes.size());
    return bytes;
}

std::string bytesOf(const StringPool& pool) {
    std::string bytes;
    auto putLength = [&](std::uint32_t n) { bytes.append(reinterpret_cast<const char*>(&n), sizeof n); };
    putLength(static_cast<std::uint32_t>(pool.size()));
    for (std::uint32_t ref = 0; ref < pool.size(); ++ref) {
        putLength(static_cast<std::uint32_t>(pool.at(ref).size()));
        bytes += pool.at(ref);
    }
    return bytes;
}

template <typename T> bool valuesOf(std::string_view bytes, std::size_t count, std::vector<T>& out) {
    if (bytes.size() != count * sizeof(T)) return false;
    out.resize(count);
    if (count) std::memcpy(out.data(), bytes.data(), bytes.size());
    return true;
}

bool poolOf(std::string_view bytes, StringPool& pool) {
    auto take = [&](std::uint32_t& n) {
        if (bytes.size() < sizeof n) return false;
        std::memcpy(&n, bytes.data(), sizeof n);
        bytes.remove_prefix(sizeof n);
        return true;
    };
    std::uint32_t count = 0;
    if (!take(count)) return false;
    for (std::uint32_t i = 0; i < count; ++i) {
        std::uint32_t length = 0;
        if (!take(length) || bytes.size() < length) return false;
        // A repeated text would make two refs one: refuse rather than guess.
        if (pool.intern(bytes.substr(0, length)) != i) return false;
        bytes.remove_prefix(length);
    }
    return bytes.empty();
}

constexpr const char* kCacheLayout = "conflict-atlas event columns 1";

} // namespace

std::vector<std::pair<std::string, std::string>> EventTable::cachedColumns(std::span<const std::int64_t> keys) const {
    if (keys.size() != size()) throw std::invalid_argument("one detail key per event");
    const std::uint64_t count = size();
    std::string header = std::string(kCacheLayout) + (std::endian::native == std::endian::little ? " le " : " be ");
    header.append(reinterpret_cast<const char*>(&count), sizeof count);
    return {
        {"layout", header},
        {"id_chars", m_idChars},
        {"id_begin", bytesOf(m_idBegin)},
        {"id_length", bytesOf(m_idLength)},
        {"day", bytesOf(m_day)},
        {"end_day", bytesOf(m_endDay)},
        {"type", bytesOf(m_type)},
        {"date_precision", bytesOf(m_datePrecision)},
        {"place_precision", bytesOf(m_placePrecision)},
        {"civilian_targeting", bytesOf(m_civilianTargeting)},
        {"point", bytesOf(m_point)},
        {"place_name", bytesOf(m_placeName)},
        {"admin1", bytesOf(m_admin1)},
        {"admin2", bytesOf(m_admin2)},
        {"actor_begin", bytesOf(m_actorBegin)},
        {"actor_count", bytesOf(m_actorCount)},
        {"perpetrator_count", bytesOf(m_perpetratorCount)},
        {"actor_refs", bytesOf(m_actorRefs)},
        {"killed_qualifier", bytesOf(m_killed.qualifier)},
        {"killed_low", bytesOf(m_killed.low)},
        {"killed_high", bytesOf(m_killed.high)},
        {"wounded_qualifier", bytesOf(m_wounded.qualifier)},
        {"wounded_low", bytesOf(m_wounded.low)},
        {"wounded_high", bytesOf(m_wounded.high)},
        {"strings", bytesOf(m_strings)},
        {"actor_ids", bytesOf(m_actorIds)},
        {"detail_key", bytesOf(std::vector<std::int64_t>(keys.begin(), keys.end()))},
    };
}

std::optional<EventTable> EventTable::fromCachedColumns(const CachedColumn& column,
                                                        const std::shared_ptr<const EventDetailSource>& source) {
    const auto layout = column("layout");
    const std::string expected = std::string(kCacheLayout) + (std::endian::native == std::endian::little ? " le " : " be ");
    std::uint64_t count = 0;
    if (!layout || layout->size() != expected.size() + sizeof count || layout->substr(0, expected.size()) != expected)
        return std::nullopt;
    std::memcpy(&count, layout->data() + expected.size(), sizeof count);
    if (count > 0xffffffffu) return std::nullopt;
    const auto n = static_cast<std::size_t>(count);
    EventTable t;
    std::vector<std::int64_t> keys;
    // Each array is copied out as soon as it is handed over.
    auto read = [&](const char* name, auto& into, std::size_t length) {
        const auto bytes = column(name);
        return bytes && valuesOf(*bytes, length, into);
    };
    auto readAll = [&](const char* name, auto& into) {
        const auto bytes = column(name);
        return bytes && bytes->size() % sizeof(into[0]) == 0 && valuesOf(*bytes, bytes->size() / sizeof(into[0]), into);
    };
    auto readPool = [&](const char* name, StringPool& pool) {
        const auto bytes = column(name);
        return bytes && poolOf(*bytes, pool);
    };
    const auto idChars = column("id_chars");
    if (!idChars) return std::nullopt;
    t.m_idChars = std::string(*idChars);
    if (!read("id_begin", t.m_idBegin, n) || !read("id_length", t.m_idLength, n) || !read("day", t.m_day, n) ||
        !read("end_day", t.m_endDay, n) || !read("type", t.m_type, n) || !read("date_precision", t.m_datePrecision, n) ||
        !read("place_precision", t.m_placePrecision, n) || !read("civilian_targeting", t.m_civilianTargeting, n) ||
        !read("point", t.m_point, n) || !read("place_name", t.m_placeName, n) || !read("admin1", t.m_admin1, n) ||
        !read("admin2", t.m_admin2, n) || !read("actor_begin", t.m_actorBegin, n) || !read("actor_count", t.m_actorCount, n) ||
        !read("perpetrator_count", t.m_perpetratorCount, n) || !readAll("actor_refs", t.m_actorRefs) ||
        !read("killed_qualifier", t.m_killed.qualifier, n) || !read("killed_low", t.m_killed.low, n) ||
        !read("killed_high", t.m_killed.high, n) || !read("wounded_qualifier", t.m_wounded.qualifier, n) ||
        !read("wounded_low", t.m_wounded.low, n) || !read("wounded_high", t.m_wounded.high, n) ||
        !read("detail_key", keys, n) || !readPool("strings", t.m_strings) || !readPool("actor_ids", t.m_actorIds))
        return std::nullopt;
    // Every value in range, so no later read of the table can go astray.
    for (std::size_t row = 0; row < n; ++row) {
        if (std::uint64_t{t.m_idBegin[row]} + t.m_idLength[row] > t.m_idChars.size()) return std::nullopt;
        if (t.m_endDay[row] != kNone && t.m_endDay[row] < t.m_day[row]) return std::nullopt;
        if (t.m_type[row] >= kEventTypeCount || t.m_datePrecision[row] > 2 || t.m_placePrecision[row] > 3 ||
            t.m_civilianTargeting[row] > 1)
            return std::nullopt;
        const GeoPoint p = t.m_point[row];
        if (!(std::abs(p.latitude) <= 90) || !(std::abs(p.longitude) <= 180)) return std::nullopt; // also NaN
        if (t.m_placeName[row] >= t.m_strings.size() || t.m_admin1[row] >= t.m_strings.size() ||
            t.m_admin2[row] >= t.m_strings.size())
            return std::nullopt;
        if (std::uint64_t{t.m_actorBegin[row]} + t.m_actorCount[row] > t.m_actorRefs.size() ||
            t.m_perpetratorCount[row] > t.m_actorCount[row])
            return std::nullopt;
        for (const auto* counts : {&t.m_killed, &t.m_wounded})
            if (counts->qualifier[row] > static_cast<std::uint8_t>(CountQualifier::Range)) return std::nullopt;
    }
    for (const std::uint32_t ref : t.m_actorRefs)
        if (ref >= t.m_actorIds.size()) return std::nullopt;
    t.m_sources.push_back(source);
    t.m_detailSource.assign(n, 0);
    // A container's record is its own key (a GeoPackage's fid); the reader names the file.
    t.m_record = keys;
    t.m_origin.assign(n, kNoOrigin);
    t.m_detailKey = std::move(keys);
    return t;
}

std::string EventProvenance::recordText() const {
    const std::string n = std::to_string(record);
    switch (origin.kind) {
    case RecordKind::CsvLine: return "line " + n;
    case RecordKind::JsonEvent: return "events[" + n + "]";
    case RecordKind::GeoJsonFeature: return "features[" + n + "]";
    case RecordKind::GeoPackageFid: return "fid " + n;
    case RecordKind::Ordinal: break;
    }
    return "record " + n;
}

std::string EventProvenance::toText() const { return origin.file + ", " + recordText(); }

bool operator==(const EventTable& a, const EventTable& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t row = 0; row < a.size(); ++row)
        if (!(a.at(row) == b.at(row))) return false;
    return true;
}

} // namespace atlas
