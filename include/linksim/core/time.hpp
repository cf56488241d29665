// Simulated time: an integer count of seconds since the start of a run (day 0 is a Monday, 00:00).
#pragma once
#include <cstdint>

namespace linksim::core {

using Time = std::int64_t;  ///< seconds since the start of the simulation

inline constexpr Time kSecond = 1;
inline constexpr Time kMinute = 60;
inline constexpr Time kHour = 60 * kMinute;
inline constexpr Time kDay = 24 * kHour;
inline constexpr Time kWeek = 7 * kDay;
/// A simulated month is 30 days: plan billing cycles and InMail grants use it (simplification,
/// documented in docs/model.md).
inline constexpr Time kMonth = 30 * kDay;
inline constexpr Time kNever = INT64_MAX;

constexpr Time days(std::int64_t n) { return n * kDay; }
constexpr Time hours(std::int64_t n) { return n * kHour; }

/// Floor division that is correct for negative times too.
constexpr std::int64_t floor_div(Time t, Time unit) {
  return t >= 0 ? t / unit : -((-t + unit - 1) / unit);
}
constexpr std::int64_t day_of(Time t) { return floor_div(t, kDay); }
constexpr std::int64_t week_of(Time t) { return floor_div(t, kWeek); }
constexpr std::int64_t month_of(Time t) { return floor_div(t, kMonth); }
constexpr Time start_of_day(Time t) { return day_of(t) * kDay; }
constexpr Time start_of_week(Time t) { return week_of(t) * kWeek; }
/// Seconds since midnight, in [0, 86400).
constexpr Time time_of_day(Time t) { return t - start_of_day(t); }
constexpr int hour_of_day(Time t) { return static_cast<int>(time_of_day(t) / kHour); }
/// 0 = Monday … 6 = Sunday.
constexpr int day_of_week(Time t) { return static_cast<int>(day_of(t) - week_of(t) * 7); }
constexpr bool is_weekend(Time t) { return day_of_week(t) >= 5; }

/// Working hours are [start_hour, end_hour) on Monday–Friday.
struct WorkingHours {
  int start_hour = 9;
  int end_hour = 17;
  constexpr bool contains(Time t) const {
    const int h = hour_of_day(t);
    return !is_weekend(t) && h >= start_hour && h < end_hour;
  }
  /// The earliest time >= t inside working hours.
  constexpr Time next_open(Time t) const {
    for (int i = 0; i < 8; ++i) {
      const Time day = start_of_day(t);
      const Time open = day + start_hour * kHour;
      const Time close = day + end_hour * kHour;
      if (!is_weekend(t)) {
        if (t < open) return open;
        if (t < close) return t;
      }
      t = day + kDay;
    }
    return t;
  }
};

}  // namespace linksim::core
